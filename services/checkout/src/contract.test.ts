// The contract test: the same requests go to the real service (PGlite) and to Checkout's msw mock; both answers
// must parse with the contract's schemas (`request` parses every answer) and bad input is refused alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { MAX_QUANTITY } from '@tractor/shared/contracts/checkout';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { HttpError } from '@tractor/shared/contracts/http';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { exploreHandlers } from '@tractor/mocks/explore';
import { openTestApp } from './test-app.js';

/** Each answer's "METHOD path status", as the client saw it. */
let seen: string[] = [];

/** fetch with a cookie jar of one cookie, like a browser tab; it notes each answer's status. */
function browserLikeFetch(): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    // globalThis.fetch at call time: msw's, once the mock's server listens.
    const response = await globalThis.fetch(input, { ...init, headers: { ...init?.headers, cookie } });
    seen.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname} ${response.status}`);
    const set = response.headers.getSetCookie().find((c) => c.startsWith('c_cart='));
    if (set) cookie = set.split(';')[0]!;
    return response;
  };
}

async function exercise(client: CheckoutClient) {
  seen = [];
  assert.deepEqual(await client.cart(), { lines: [], quantity: 0, total: 0 });
  await client.addToCart('CL-01-GR');
  await client.addToCart('CL-01-GR');
  const cart = await client.addToCart('CL-01-GY');
  assert.deepEqual(
    cart.lines.map((l) => [l.sku, l.quantity, l.lineTotal]),
    [
      ['CL-01-GR', 2, 11400],
      ['CL-01-GY', 1, 6200],
    ],
  );
  assert.equal((await client.removeFromCart('CL-01-GY')).total, 11400);
  assert.deepEqual(await client.offer('CL-01-GR'), { sku: 'CL-01-GR', price: 5700, stock: 8 });

  const refusals: [() => Promise<unknown>, number, string][] = [
    [() => client.addToCart('CL-04-TQ'), 409, 'sku'],
    [() => client.addToCart('ZZ-99-ZZ'), 400, 'sku'],
    [() => client.offer('ZZ-99-ZZ'), 404, 'sku'],
    [
      () =>
        client.placeOrder({
          firstName: 'A',
          lastName: '<b>',
          storeId: 'store-c',
          idempotencyKey: 'key-00000001',
        }),
      400,
      'lastName',
    ],
    [
      () =>
        client.placeOrder({
          firstName: 'A',
          lastName: 'B',
          storeId: 'store-z',
          idempotencyKey: 'key-00000002',
        }),
      400,
      'storeId',
    ],
  ];
  for (const [call, status, field] of refusals) {
    const error = await call().catch((e: unknown) => e);
    assert.ok(error instanceof HttpError, String(error));
    assert.deepEqual({ status: error.status, field: error.field }, { status, field });
  }

  const order = await client.placeOrder({
    firstName: 'Ada',
    lastName: 'Lovelace',
    storeId: 'store-c',
    idempotencyKey: 'key-00000003',
  });
  assert.equal(order.total, 11400);
  assert.equal(order.storeId, 'store-c');
  assert.equal((await client.cart()).quantity, 0, 'the order emptied the cart');
  // The contract's success statuses: 201 for the order made, 200 for the rest.
  assert.equal(seen.filter((s) => s === 'POST /checkout/api/orders 201').length, 1);
  assert.equal(seen.filter((s) => s.endsWith(' 201')).length, 1);
}

/** A variant stocked deeper than MAX_QUANTITY in both (the shop's own stock is never that deep). */
const DEEP = { sku: 'AU-07-MT', stock: MAX_QUANTITY + 5 };

/** MAX_QUANTITY of a variant fit in the cart; one more is refused alike, and the cart keeps what it had. */
async function exerciseCap(client: CheckoutClient) {
  for (let i = 0; i < MAX_QUANTITY; i++) await client.addToCart(DEEP.sku);
  const error = await client.addToCart(DEEP.sku).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError, String(error));
  assert.deepEqual({ status: error.status, field: error.field }, { status: 409, field: 'sku' });
  assert.match(error.message, new RegExp(`At most ${MAX_QUANTITY} of one variant`));
  assert.equal((await client.cart()).quantity, MAX_QUANTITY);
  await client.removeFromCart(DEEP.sku);
}

const explore = setupServer(...exploreHandlers);

describe('real service', () => {
  let service: Awaited<ReturnType<typeof openTestApp>>;
  let origin: string;
  before(async () => {
    service = await openTestApp();
    origin = await service.app.listen({ port: 0, host: '127.0.0.1' });
    // Explore's stores come from its mock; Checkout's own requests pass through to the real service.
    explore.listen({ onUnhandledRequest: 'bypass' });
  });
  after(async () => {
    explore.close();
    await service.close();
  });

  test('answers in the contract’s shapes and refuses bad input', () =>
    exercise(new CheckoutClient({ baseUrl: origin, fetch: browserLikeFetch() })));

  test('refuses more than MAX_QUANTITY of a variant', async () => {
    await service.db.query('UPDATE variant SET stock = $2 WHERE sku = $1', [DEEP.sku, DEEP.stock]);
    await exerciseCap(new CheckoutClient({ baseUrl: origin, fetch: browserLikeFetch() }));
  });
});

describe('msw mock', () => {
  // Like the service, Checkout's mock asks Explore's API whether the store exists: here Explore's mock answers.
  const server = setupServer(
    ...createCheckoutHandlers({ stock: { [DEEP.sku]: DEEP.stock } }),
    ...exploreHandlers,
  );
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  test('answers in the contract’s shapes and refuses bad input alike', () =>
    exercise(new CheckoutClient({ baseUrl: 'http://mock.test', fetch: browserLikeFetch() })));

  test('refuses more than MAX_QUANTITY of a variant alike', () =>
    exerciseCap(new CheckoutClient({ baseUrl: 'http://mock.test', fetch: browserLikeFetch() })));
});
