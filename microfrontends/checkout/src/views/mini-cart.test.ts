// <checkout-mini-cart> in its states, on Checkout's msw mock (an in-memory cart), rendered by Lit SSR. It is a
// link to the basket with the number of units: it has no loading or error indication of its own — until the
// number is known, and when it cannot be, it is the plain link to the basket.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { cartUpdated } from '@tractor/shared/events';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { failRoute } from '@tractor/mocks/contract-handler';
import { renderer } from '../ssr.js';
import './mini-cart.js';

const server = serveMocks();
beforeEach(() => server.resetHandlers(...createCheckoutHandlers()));

const api = new CheckoutClient({ baseUrl: ORIGIN });
/** The shopper adds these to the cart (a unit each): the cart's quantity, as Checkout's API answers it. */
async function cartWith(...skus: string[]) {
  let quantity = 0;
  for (const sku of skus) quantity = (await api.addToCart(sku)).quantity;
  return quantity;
}
const BASKET = { text: '', href: '/checkout/cart' };

test('initial: the link to the basket, no number yet', () => {
  const shown = mountView('checkout-mini-cart').render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, ['Basket']);
  assert.deepEqual(shown.links, [BASKET]);
});

test('pending: while the cart loads, still the plain link (no loading indication)', async () => {
  await cartWith('CL-01-GR');
  const view = mountView('checkout-mini-cart').connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, ['Basket']);
  await view.settle();
});

test('complete: the number of units in the cart, also in the link’s name; then each change', async () => {
  const quantity = await cartWith('CL-01-GR', 'CL-01-GR', 'AU-02-OG');
  const view = mountView('checkout-mini-cart').connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, String(quantity));
  assert.deepEqual(shown.labels, [`Basket, ${quantity} tractors`]);

  view.window.dispatchEvent(cartUpdated({ quantity: 1 }));
  await view.settle();
  assert.equal(view.render().text, '1');
  assert.deepEqual(view.render().labels, ['Basket, 1 tractor']);
});

test('complete, empty cart: no number', async () => {
  const view = mountView('checkout-mini-cart').connect();
  await view.settle();
  assert.equal(view.render().text, '');
  assert.deepEqual(view.render().labels, ['Basket']);
});

test('error: the number cannot be known — the plain link to the basket stays', async () => {
  await cartWith('CL-01-GR');
  // A 500, which the client does not try again: the mini cart's load is no task, settle() sees no retry's wait.
  server.use(failRoute(checkoutRoutes.cart, 500));
  const answered: number[] = [];
  server.events.on('response:mocked', ({ response }) => void answered.push(response.status));
  const view = mountView('checkout-mini-cart').connect();
  await view.settle();
  server.events.removeAllListeners();
  assert.deepEqual(answered, [500], 'the load failed');
  const shown = view.render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, ['Basket']);
  assert.deepEqual(shown.links, [BASKET]);
});

test('server-rendered: the number arrives with the page; in the browser it is shown without asking again', async () => {
  const quantity = await cartWith('CL-01-GR', 'AU-02-OG');
  const fragment = await renderOnServer(renderer, 'fragment', 'checkout-mini-cart');
  assert.equal(fragment?.text, String(quantity));

  let asked = 0;
  server.events.on('request:start', () => void asked++);
  const view = mountView('checkout-mini-cart', { seed: quantity }).connect();
  await view.settle();
  assert.equal(view.render().text, String(quantity));
  assert.equal(asked, 0);
  server.events.removeAllListeners();
});
