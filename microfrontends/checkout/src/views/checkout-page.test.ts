// <checkout-checkout-page>, on Checkout's msw mock (an in-memory cart) and Explore's (which stores exist),
// rendered by Lit SSR. A form, not a load: its states are the empty form (initial), the filled form (complete:
// "place order" enabled), placing the order (pending) and the order refused (error: the service's reason).
// Checkout renders its own pages in the browser only: there is no server render to test.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { storeSelected } from '@tractor/shared/events';
import { mountView, ORIGIN, serveMocks } from '@tractor/shared/testing/views';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { exploreHandlers } from '@tractor/mocks/explore';
import { CheckoutFormController, THANKS_URL } from '../controllers/checkout-form-controller.js';
import { CheckoutForm } from '../model/checkout-form.js';
import './checkout-page.js';

const server = serveMocks();
beforeEach(() => server.resetHandlers(...createCheckoutHandlers(), ...exploreHandlers));

const URL = '/checkout/checkout';
const FORM = 'Checkout Personal Data First name Last name Store Pickup Store ID';
const BACK = { text: 'back to cart', href: '/checkout/cart' };
/** A store Explore's API knows (its mock, on Explore's data). */
const aStore = async () => (await new ExploreClient({ baseUrl: ORIGIN }).stores()).stores[0]!.id;

/** The page, connected, with the shopper's names typed in and a store chosen in Explore's picker. */
async function filledIn(storeId: string) {
  const view = mountView('checkout-checkout-page', { url: URL }).connect();
  const form = view.controller(CheckoutFormController);
  form.enter('firstName', 'Ada');
  form.enter('lastName', 'Lovelace');
  view.element.dispatchEvent(storeSelected(storeId));
  await view.settle();
  return { view, form };
}

test('initial: the empty form, "place order" disabled until it is filled in', () => {
  const shown = mountView('checkout-checkout-page', { url: URL }).render();
  assert.equal(shown.text, `${FORM} place order back to cart`);
  assert.deepEqual(shown.buttons, [{ text: 'place order', disabled: true }]);
  assert.deepEqual(shown.links, [BACK]);
});

test('a name left out: what is wrong shows beside the field', async () => {
  const view = mountView('checkout-checkout-page', { url: URL }).connect();
  view.controller(CheckoutFormController).enter('firstName', '');
  await view.settle();
  const expected = new CheckoutForm();
  expected.enter('firstName', '');
  const problem = expected.problem('firstName');
  assert.ok(problem);
  assert.equal(
    view.render().text,
    `Checkout Personal Data First name First name ${problem} Last name Store Pickup Store ID place order back to cart`,
  );
});

test('complete: names and a store given, "place order" is enabled', async () => {
  const { view } = await filledIn(await aStore());
  const shown = view.render();
  assert.equal(shown.text, `${FORM} place order back to cart`);
  assert.deepEqual(shown.buttons, [{ text: 'place order', disabled: false }]);
});

test('pending: while the order is placed, the button says so; then the shopper goes to the thanks page', async () => {
  await new CheckoutClient({ baseUrl: ORIGIN }).addToCart('CL-01-GR');
  const { view, form } = await filledIn(await aStore());
  const placing = form.placeOrder();
  const shown = view.render();
  assert.equal(shown.text, `${FORM} placing order… back to cart`);
  assert.deepEqual(shown.buttons, [{ text: 'placing order…', disabled: true }]);

  await placing;
  assert.deepEqual(view.window.pushed, [THANKS_URL]);
  assert.ok(!view.render().html.includes('role="alert"'), 'no problem shown');
});

test('error: the service refuses the order — its reason shows, and the shopper can place it again', async () => {
  const storeId = await aStore();
  // The basket is empty: what Checkout's API answers for this order.
  const refusal = await new CheckoutClient({ baseUrl: ORIGIN })
    .placeOrder({ firstName: 'Ada', lastName: 'Lovelace', storeId, idempotencyKey: 'empty-basket-1' })
    .then(
      () => assert.fail('an empty basket is refused'),
      (error: Error) => error.message,
    );
  const { view, form } = await filledIn(storeId);
  await form.placeOrder();
  const shown = view.render();
  assert.equal(shown.text, `${FORM} ${refusal} place order back to cart`);
  assert.match(shown.html, new RegExp(`<p class="problem" role="alert">${refusal}</p>`));
  assert.deepEqual(shown.buttons, [{ text: 'place order', disabled: false }]);
  assert.deepEqual(view.window.pushed, []);
});
