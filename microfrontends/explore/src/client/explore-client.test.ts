// Explore's typed client against Explore's msw mock, in Node.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { HttpError } from '@tractor/shared/contracts/http';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';

const server = setupServer(...exploreHandlers);
const client = new ExploreClient({ baseUrl: 'http://shop.test' });

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

test('reads the products of a category, highest start price first', async () => {
  const { category, products } = await client.products('classic');
  assert.equal(category?.name, 'Classics');
  assert.ok(products.length > 0);
  const prices = products.map((p) => p.startPrice);
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => b - a),
  );
});

test('reads stores and one store', async () => {
  const { stores } = await client.stores();
  assert.ok(stores.some((s) => s.id === 'store-c'));
  assert.equal((await client.store('store-c')).name, 'Central Mall');
});

test('an unknown store is a 404 HttpError naming the field', async () => {
  const error = await client.store('store-z').catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 404);
  assert.equal(error.field, 'id');
});

test('a service that is down is an HttpError with its status', async () => {
  server.use(failRoute(exploreRoutes.home, 503));
  const error = await client.home().catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 503);
});
