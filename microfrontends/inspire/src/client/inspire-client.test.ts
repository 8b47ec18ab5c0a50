// Inspire's typed client against Inspire's msw mock, in Node.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { inspireRoutes } from '@tractor/shared/contracts/inspire';
import { InspireClient } from '@tractor/shared/contracts/inspire/client';
import { HttpError } from '@tractor/shared/contracts/http';
import { inspireHandlers } from '@tractor/mocks/inspire';
import { failRoute } from '@tractor/mocks/contract-handler';

const server = setupServer(...inspireHandlers);
const client = new InspireClient({ baseUrl: 'http://shop.test' });

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

test('recommendations leave out the SKUs asked about', async () => {
  const { recommendations } = await client.recommendations(['AU-01-SI']);
  assert.equal(recommendations.length, 4);
  assert.ok(!recommendations.some((r) => r.sku === 'AU-01-SI'));
});

test('a malformed SKU is a 400 naming the field', async () => {
  const error = await client.recommendations(['CL-01-GR', 'nonsense']).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 400);
  assert.equal(error.field, 'skus');
});

test('a service that is down is an HttpError with its status', async () => {
  server.use(failRoute(inspireRoutes.recommendations, 503));
  const error = await client.recommendations([]).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 503);
});
