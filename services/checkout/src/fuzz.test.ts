// Fuzzed contract: valid and systematically broken requests for every route of Checkout's service (see
// chassis/fuzz.ts) — with a cart cookie, so orders have something to order. No 5xx, every 4xx JSON
// naming the problem, every valid request answered (an order may be refused when the stock has run out).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutRoutes as r } from '@tractor/shared/contracts/checkout';
import { fuzzService } from '@tractor/chassis/fuzz';
import { setupServer } from 'msw/node';
import { exploreHandlers } from '@tractor/mocks/explore';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
// Explore's stores, for orders: its msw mock (onUnhandledRequest bypass: nothing else leaves the process).
const explore = setupServer(...exploreHandlers);
before(async () => {
  explore.listen({ onUnhandledRequest: 'bypass' });
  service = await openTestApp();
});
after(async () => {
  explore.close();
  await service.close();
});

test('fuzzed requests to every route: no 5xx, every 4xx says what is wrong, valid ones succeed', async () => {
  const order = (firstName: string, key: string) => ({
    body: { firstName, lastName: 'Fuzz', storeId: 'store-c', idempotencyKey: key },
  });
  const report = await fuzzService(
    service.app,
    [
      { route: r.cart, valid: [{}] },
      { route: r.addToCart, valid: [{ body: { sku: 'CL-01-GR' } }, { body: { sku: 'AU-07-MT' } }] },
      { route: r.removeFromCart, valid: [{ params: { sku: 'CL-01-GR' } }, { params: { sku: 'CL-99-XX' } }] },
      { route: r.offer, valid: [{ params: { sku: 'CL-01-GR' } }] },
      {
        route: r.placeOrder,
        valid: [order('Ada', 'fuzz-order-0001'), order('Zoë', 'fuzz-order-0002')],
        alsoAccepted: [409],
      },
    ],
    { cookie: 'c_cart=CL-01-GR_1' },
  );
  console.log(`checkout: ${JSON.stringify(report)}`);
  assert.equal(report.serverErrors, 0);
  assert.ok(report.tried > 500);
});
