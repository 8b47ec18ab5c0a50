// <checkout-cart-page> in its four states, on Checkout's msw mock (an in-memory cart on Checkout's data module),
// rendered by Lit SSR. Checkout renders its own pages in the browser only: there is no server render to test.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutRoutes, type Cart } from '@tractor/shared/contracts/checkout';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { mountView, ORIGIN, serveMocks } from '@tractor/shared/testing/views';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { failRoute } from '@tractor/mocks/contract-handler';
import { formatPrice } from '../model/price.js';
import './cart-page.js';

const server = serveMocks();
beforeEach(() => server.resetHandlers(...createCheckoutHandlers()));

const api = new CheckoutClient({ baseUrl: ORIGIN });
/** The shopper adds these to the cart (a unit each): the cart, as Checkout's API answers it. */
async function cartWith(...skus: string[]): Promise<Cart> {
  let cart = await api.cart();
  for (const sku of skus) cart = await api.addToCart(sku);
  return cart;
}
const URL = '/checkout/cart';
const HEADING = 'Basket';
const LOADING = 'Loading the basket';
const ACTIONS = 'Checkout Continue Shopping';
const lineText = (line: Cart['lines'][number]) =>
  `${line.name} ${line.sku} ${line.quantity} ${formatPrice(line.lineTotal)} remove`;

test('initial: the heading, and that the basket is loading', () => {
  const shown = mountView('checkout-cart-page', { url: URL }).render();
  assert.equal(shown.text, HEADING);
  assert.deepEqual(shown.labels, [LOADING]);
  assert.deepEqual(shown.buttons, []);
});

test('pending: while the basket loads, the heading and the loading placeholder', async () => {
  await cartWith('CL-01-GR');
  const view = mountView('checkout-cart-page', { url: URL }).connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, HEADING);
  assert.deepEqual(shown.labels, [LOADING]);
  await view.settle();
});

test('complete: each line with its name, SKU, quantity and total; the total, and the ways on', async () => {
  const cart = await cartWith('CL-01-GR', 'AU-02-OG', 'CL-01-GR');
  assert.equal(cart.lines.length, 2);
  const view = mountView('checkout-cart-page', { url: URL }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(
    shown.text,
    [HEADING, ...cart.lines.map(lineText), `Total: ${formatPrice(cart.total)}`, ACTIONS].join(' '),
  );
  assert.deepEqual(
    shown.buttons,
    cart.lines.map(() => ({ text: 'remove', disabled: false })),
  );
  assert.deepEqual(
    shown.links.filter((l) => l.text === 'Checkout' || l.text === 'Continue Shopping'),
    [
      { text: 'Checkout', href: '/checkout/checkout' },
      { text: 'Continue Shopping', href: '/' },
    ],
  );
  assert.match(
    shown.html,
    new RegExp(`<inspire-recommendations skus="${cart.lines.map((l) => l.sku).join(',')}"`),
  );
});

test('complete, an empty basket: says so', async () => {
  const cart = await cartWith();
  const view = mountView('checkout-cart-page', { url: URL }).connect();
  await view.settle();
  assert.equal(
    view.render().text,
    `${HEADING} Your basket is empty. Total: ${formatPrice(cart.total)} ${ACTIONS}`,
  );
});

test('error: the basket cannot be shown, and the shopper can try again', async () => {
  await cartWith('CL-01-GR');
  server.use(failRoute(checkoutRoutes.cart));
  const view = mountView('checkout-cart-page', { url: URL }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${HEADING} The basket cannot be shown right now. try again`);
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
});
