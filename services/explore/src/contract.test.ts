// The contract test: the same requests go to the real service (PGlite) and to Explore's msw mock. Both
// answers must parse with the contract's schemas — `request` parses every answer — and bad input must be
// refused by both in the same way. A mock that drifts from the service fails here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { ApiError, HttpError } from '@tractor/shared/contracts/http';
import { exploreHandlers } from '@tractor/mocks/explore';
import { openTestApp } from './test-app.js';

/** Every route, with good input, then with bad input (expected: status and field). */
const good = (client: ExploreClient) => [
  client.home(),
  client.products(undefined),
  client.products('classic'),
  client.stores(),
  client.store('store-c'),
];
const bad = (client: ExploreClient): [Promise<unknown>, number, string][] => [
  [client.store('store-z'), 404, 'id'],
  [client.store('NOT VALID'), 400, 'id'],
  [client.products('tanks' as 'classic'), 400, 'category'],
];

async function exercise(client: ExploreClient) {
  const answers = await Promise.all(good(client));
  const failures = await Promise.all(
    bad(client).map(async ([call, status, field]) => {
      const error = await call.then(
        () => assert.fail('bad input was accepted'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof HttpError, String(error));
      return { status: error.status, field: error.field, expected: { status, field } };
    }),
  );
  return { answers, failures };
}

/** The service's answers to the good requests: the mock must give the very same (one data module). */
let fromService: unknown[] | undefined;

describe('real service', () => {
  let service: Awaited<ReturnType<typeof openTestApp>>;
  let client: ExploreClient;
  let origin: string;
  before(async () => {
    service = await openTestApp();
    origin = await service.app.listen({ port: 0, host: '127.0.0.1' });
    client = new ExploreClient({ baseUrl: origin });
  });
  after(() => service.close());

  test('answers every route in the contract’s shapes and refuses bad input alike', async () => {
    const { answers, failures } = await exercise(client);
    fromService = answers;
    assert.equal(answers.length, 5);
    for (const f of failures) assert.deepEqual({ status: f.status, field: f.field }, f.expected);
  });

  test('error bodies have the contract’s error shape', async () => {
    const response = await fetch(`${origin}/explore/api/stores/store-z`);
    assert.equal(ApiError.safeParse(await response.json()).success, true);
  });
});

describe('msw mock', () => {
  const server = setupServer(...exploreHandlers);
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  test('answers every route in the contract’s shapes and refuses bad input alike', async () => {
    const { answers, failures } = await exercise(new ExploreClient({ baseUrl: 'http://mock.test' }));
    assert.equal(answers.length, 5);
    assert.deepEqual(answers, fromService, 'the same answers as the service');
    for (const f of failures) assert.deepEqual({ status: f.status, field: f.field }, f.expected);
  });
});
