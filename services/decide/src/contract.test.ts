// The contract test: the same requests go to the real service (PGlite) and to Decide's msw mock; both answers
// must parse with the contract's schemas (`request` parses every answer) and bad input is refused alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { DecideClient } from '@tractor/shared/contracts/decide/client';
import { HttpError } from '@tractor/shared/contracts/http';
import { decideHandlers } from '@tractor/mocks/decide';
import { openTestApp } from './test-app.js';

/** The service's answers: the mock must give the very same (one data module). */
let fromService: unknown[] | undefined;

async function exercise(client: DecideClient) {
  const every = await Promise.all(['CL-01', 'CL-15', 'AU-01', 'AU-08'].map((id) => client.product(id)));
  if (fromService) assert.deepEqual(every, fromService, 'the same answers as the service');
  else fromService = every;
  const product = await client.product('CL-01');
  assert.equal(product.name, 'Heritage Workhorse');
  assert.deepEqual(
    product.variants.map((v) => v.sku),
    ['CL-01-GR', 'CL-01-GY'],
  );
  for (const [id, status] of [
    ['CL-99', 404],
    ['nope', 400],
  ] as const) {
    const error = await client.product(id).catch((e: unknown) => e);
    assert.ok(error instanceof HttpError, String(error));
    assert.deepEqual({ status: error.status, field: error.field }, { status, field: 'id' });
  }
}

describe('real service', () => {
  let service: Awaited<ReturnType<typeof openTestApp>>;
  let client: DecideClient;
  before(async () => {
    service = await openTestApp();
    client = new DecideClient({ baseUrl: await service.app.listen({ port: 0, host: '127.0.0.1' }) });
  });
  after(() => service.close());

  test('answers in the contract’s shapes and refuses bad input', () => exercise(client));
});

describe('msw mock', () => {
  const server = setupServer(...decideHandlers);
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  test('answers in the contract’s shapes and refuses bad input alike', async () => {
    // Compared with the service's answers, never alone: without them this test would check only shapes.
    assert.ok(fromService, 'the service’s answers come first (the real service’s test runs before)');
    await exercise(new DecideClient({ baseUrl: 'http://mock.test' }));
  });
});
