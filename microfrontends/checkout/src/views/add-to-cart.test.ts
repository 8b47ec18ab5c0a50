// <checkout-add-to-cart> in its four states, on Checkout's msw mock (Checkout's data module: prices and opening
// stock), rendered by Lit SSR.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { failRoute } from '@tractor/mocks/contract-handler';
import { AddToCartController } from '../controllers/add-to-cart-controller.js';
import { formatPrice, stockLabel } from '../model/price.js';
import { renderer } from '../ssr.js';
import './add-to-cart.js';

const server = serveMocks();
beforeEach(() => server.resetHandlers(...createCheckoutHandlers()));

const SKU = 'CL-01-GR';
/** Opens the shop without stock (Checkout's data module). */
const SOLD_OUT = 'CL-04-TQ';
/** What Checkout's API answers (its mock, on Checkout's data) for a SKU. */
const offer = (sku: string) => new CheckoutClient({ baseUrl: ORIGIN }).offer(sku);
const LOADING = 'Loading price';

test('initial: before its data the fragment holds the price’s place and says it loads the price', async () => {
  const { price } = await offer(SKU);
  const shown = mountView('checkout-add-to-cart', { properties: { sku: SKU } }).render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, [LOADING]);
  assert.deepEqual(shown.buttons, []);
  assert.ok(!shown.html.includes(formatPrice(price)));
});

test('pending: while the offer loads, the placeholder stays', async () => {
  const view = mountView('checkout-add-to-cart', { properties: { sku: SKU } }).connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, [LOADING]);
  await view.settle();
});

test('complete: the price, the stock and "add to basket"; once added, the way to the basket', async () => {
  const { price, stock } = await offer(SKU);
  assert.ok(stock > 0);
  const view = mountView('checkout-add-to-cart', { properties: { sku: SKU } }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${formatPrice(price)} ${stockLabel(stock)} add to basket`);
  assert.deepEqual(shown.buttons, [{ text: 'add to basket', disabled: false }]);

  const adding = view.controller(AddToCartController).add();
  assert.deepEqual(view.render().buttons, [{ text: 'adding…', disabled: true }]);
  await adding;
  await view.settle();
  const added = view.render();
  assert.equal(
    added.text,
    `${formatPrice(price)} ${stockLabel(stock)} add to basket Tractor was added. View in basket.`,
  );
  assert.deepEqual(added.links, [{ text: 'View in basket.', href: '/checkout/cart' }]);
});

test('complete, sold out: "out of stock", and nothing to add', async () => {
  const { price, stock } = await offer(SOLD_OUT);
  assert.equal(stock, 0);
  const view = mountView('checkout-add-to-cart', { properties: { sku: SOLD_OUT } }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${formatPrice(price)} ${stockLabel(0)} add to basket`);
  assert.deepEqual(shown.buttons, [{ text: 'add to basket', disabled: true }]);
});

test('error: price and stock cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(checkoutRoutes.offer));
  const view = mountView('checkout-add-to-cart', { properties: { sku: SKU } }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, 'Price and stock cannot be shown right now. try again');
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
  assert.match(shown.html, /role="alert"/);
});

test('server-rendered: the offer arrives complete, its button disabled until the page’s scripts run', async () => {
  const { price, stock } = await offer(SKU);
  const fragment = await renderOnServer(renderer, 'fragment', 'checkout-add-to-cart', {
    attributes: { sku: SKU },
  });
  assert.equal(fragment?.text, `${formatPrice(price)} ${stockLabel(stock)} add to basket`);
  assert.deepEqual(fragment.buttons, [{ text: 'add to basket', disabled: true }]);
});
