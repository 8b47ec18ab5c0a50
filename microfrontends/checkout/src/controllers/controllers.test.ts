// Checkout's controllers with a fake host, talking to Checkout's msw mock (an in-memory cart) through the client.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { exploreHandlers } from '@tractor/mocks/explore';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { CART_UPDATED, cartUpdated, storeSelected } from '@tractor/shared/events';
import { eventually, FakeHost } from '@tractor/shared/testing';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { failRoute } from '@tractor/mocks/contract-handler';
import { AddToCartController } from './add-to-cart-controller.js';
import { announceCart } from '../model/cart-changes.js';
import { CartController } from './cart-controller.js';
import { CheckoutFormController, THANKS_URL } from './checkout-form-controller.js';
import { MiniCartController } from './mini-cart-controller.js';

const server = setupServer();
const client = new CheckoutClient({ baseUrl: 'http://shop.test' });
/** Stands in for `window`: where cart events arrive. */
let page: EventTarget;
/** Every host a test connects is disconnected afterwards, as leaving a page does (it closes the channels). */
let hosts: FakeHost[] = [];
function connected(host: FakeHost) {
  hosts.push(host);
  host.connect();
}

before(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  // A fresh, empty cart for each test; Explore's mock says which stores exist, as Explore's service does.
  server.resetHandlers(...createCheckoutHandlers(), ...exploreHandlers);
  page = new EventTarget();
});
afterEach(() => {
  for (const host of hosts) host.disconnect();
  hosts = [];
  server.resetHandlers();
});
after(() => server.close());

const quantities = (host: FakeHost) =>
  host.events
    .filter((e) => e.type === CART_UPDATED)
    .map((e) => (e as CustomEvent<{ quantity: number }>).detail.quantity);

test('add to cart: shows the offer, adds one unit per click and announces the new quantity', async () => {
  const host = new FakeHost();
  const controller = new AddToCartController(host, client, () => 'CL-01-GR');
  connected(host);
  const offer = await eventually(() => controller.renderOffer({ complete: (o) => o }));
  assert.deepEqual(offer, { sku: 'CL-01-GR', price: 5700, stock: 8 });

  await controller.add();
  await controller.add();
  assert.equal(controller.state.kind, 'added');
  assert.deepEqual(quantities(host), [1, 2]);
  const announced = host.events[0]!;
  assert.ok(announced.bubbles && announced.composed, 'the event crosses shadow roots');
});

test('add to cart: a refused add says why, and another SKU starts fresh', async () => {
  const host = new FakeHost();
  let sku = 'CL-04-TQ';
  const controller = new AddToCartController(host, client, () => sku);
  connected(host);
  await controller.add();
  assert.deepEqual(controller.state, { kind: 'failed', message: 'CL-04-TQ is out of stock.' });
  assert.deepEqual(quantities(host), []);

  sku = 'CL-01-GY';
  host.requestUpdate();
  assert.equal(controller.state.kind, 'idle');
  const offer = await eventually(() => {
    const o = controller.renderOffer({ complete: (value) => value }) as
      { sku: string; price: number } | undefined;
    return o?.sku === 'CL-01-GY' ? o : undefined;
  });
  assert.equal(offer.price, 6200);
});

test('mini cart: loads the quantity, follows this page’s events and other tabs, counts changes', async () => {
  await client.addToCart('CL-01-GR');
  const host = new FakeHost();
  const mini = new MiniCartController(host, client, page);
  connected(host);
  assert.equal(await eventually(() => mini.quantity), 1);
  assert.equal(mini.changes, 0, 'the first number is not a change');

  page.dispatchEvent(cartUpdated({ quantity: 2 }));
  assert.equal(mini.quantity, 2);
  announceCart(new EventTarget(), 3); // another tab: only the BroadcastChannel reaches us
  await eventually(() => (mini.quantity === 3 ? true : undefined));
  assert.equal(mini.changes, 2);

  host.disconnect();
  page.dispatchEvent(cartUpdated({ quantity: 9 }));
  assert.equal(mini.quantity, 3, 'a disconnected mini cart stops listening');
});

test('cart page: loads the lines, removes a whole line, announces the new quantity', async () => {
  await client.addToCart('CL-01-GR');
  await client.addToCart('CL-01-GR');
  await client.addToCart('CL-01-GY');
  const host = new FakeHost();
  const cart = new CartController(host, client, page);
  connected(host);
  const loaded = await eventually(() => cart.cart);
  assert.equal(loaded.total, 17600);

  await cart.remove('CL-01-GY');
  assert.equal(cart.cart?.total, 11400);
  assert.deepEqual(quantities(host), [2]);
});

test('cart page: a newer load cancels the one in flight (its AbortSignal), and the newest cart shows', async () => {
  const host = new FakeHost();
  const cart = new CartController(host, client, page);
  connected(host);
  await eventually(() => cart.cart);
  const signals: AbortSignal[] = [];
  server.use(
    http.get('*/checkout/api/cart', async ({ request }) => {
      signals.push(request.signal);
      await delay(signals.length === 1 ? 200 : 0);
      return HttpResponse.json({ lines: [], quantity: signals.length, total: 0 });
    }),
  );
  cart.load();
  await eventually(() => (signals.length === 1 ? true : undefined));
  cart.load();
  await eventually(() => (cart.cart?.quantity === 2 ? true : undefined));
  assert.equal(signals[0]?.aborted, true, 'the older request was cancelled');
  await delay(250);
  assert.equal(cart.cart?.quantity, 2, 'the older answer never shows');
});

test('cart page: a failed removal keeps the lines and says why', async () => {
  await client.addToCart('CL-01-GR');
  const host = new FakeHost();
  const cart = new CartController(host, client, page);
  connected(host);
  await eventually(() => cart.cart);
  server.use(failRoute(checkoutRoutes.removeFromCart, 503));
  await cart.remove('CL-01-GR');
  assert.match(cart.problem ?? '', /could not be removed/);
  assert.equal(cart.cart?.quantity, 1);
});

test('checkout: the store picker’s event fills the store; a complete form places the order and goes to thanks', async () => {
  await client.addToCart('CL-01-GR');
  const host = new FakeHost();
  const visited: string[] = [];
  const checkout = new CheckoutFormController(host, client, (url) => visited.push(url));
  connected(host);
  checkout.enter('firstName', 'Ada');
  checkout.enter('lastName', 'Lovelace');
  assert.equal(checkout.form.complete, false);
  host.dispatchEvent(storeSelected('store-c'));
  assert.equal(checkout.form.value('storeId'), 'store-c');
  assert.equal(checkout.form.complete, true);

  await checkout.placeOrder();
  assert.deepEqual(visited, [THANKS_URL]);
  assert.deepEqual(quantities(host), [0], 'the mini cart learns the cart is empty');
  assert.equal((await client.cart()).quantity, 0);
});

test('checkout: a failed order keeps the shopper on the form with the reason', async () => {
  await client.addToCart('CL-01-GR');
  server.use(failRoute(checkoutRoutes.placeOrder, 503, 'The store directory cannot be reached right now.'));
  const host = new FakeHost();
  const visited: string[] = [];
  const checkout = new CheckoutFormController(host, client, (url) => visited.push(url));
  connected(host);
  checkout.enter('firstName', 'Ada');
  checkout.enter('lastName', 'Lovelace');
  checkout.form.chooseStore('store-c');
  await checkout.placeOrder();
  assert.deepEqual(visited, []);
  assert.equal(checkout.problem, 'The store directory cannot be reached right now.');
  assert.equal(checkout.placing, false);
});
