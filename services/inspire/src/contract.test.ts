// The contract test: the same requests go to the real service (PGlite) and to Inspire's msw mock. Both answers
// must parse with the contract's schemas (`request` parses every answer), be the same lists (the mock runs the
// same algorithm on the same data module), and bad input must be refused by both in the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { InspireClient } from '@tractor/shared/contracts/inspire/client';
import { ApiError, HttpError } from '@tractor/shared/contracts/http';
import { inspireHandlers } from '@tractor/mocks/inspire';
import { openTestApp } from './test-app.js';

const asked = [['CL-01-GR', 'CL-01-GY'], [], ['CL-01-GY', 'AU-07-MT'], ['ZZ-99-ZZ']];

async function exercise(client: InspireClient) {
  const answers = await Promise.all(asked.map((skus) => client.recommendations(skus)));
  const error = await client.recommendations(['bad']).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError, String(error));
  assert.deepEqual({ status: error.status, field: error.field }, { status: 400, field: 'skus' });
  return answers;
}

let fromService: unknown;

describe('real service', () => {
  let service: Awaited<ReturnType<typeof openTestApp>>;
  let origin: string;
  before(async () => {
    service = await openTestApp();
    origin = await service.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => service.close());

  test('answers in the contract’s shapes and refuses bad input', async () => {
    fromService = await exercise(new InspireClient({ baseUrl: origin }));
  });

  test('error bodies have the contract’s error shape', async () => {
    const response = await fetch(`${origin}/inspire/api/recommendations?skus=x`);
    assert.equal(ApiError.safeParse(await response.json()).success, true);
  });
});

describe('msw mock', () => {
  const server = setupServer(...inspireHandlers);
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  test('answers the same lists as the service and refuses bad input alike', async () => {
    const fromMock = await exercise(new InspireClient({ baseUrl: 'http://mock.test' }));
    assert.ok(fromService, 'the service answered first');
    assert.deepEqual(fromMock, fromService);
  });
});
