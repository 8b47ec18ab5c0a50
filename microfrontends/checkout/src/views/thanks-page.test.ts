// <checkout-thanks-page>, rendered by Lit SSR. Static: it loads no data, so it has no pending, complete or error
// state. (Its confetti starts when it is connected to a page's DOM, which Node has not.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountView, serveMocks } from '@tractor/shared/testing/views';
import './thanks-page.js';

serveMocks();

test('the thanks, when to expect the order, and the way back to the shop', () => {
  const shown = mountView('checkout-thanks-page', { url: '/checkout/thanks' }).render();
  assert.equal(
    shown.text,
    "Thanks for your order! We'll notify you, when its ready for pickup. Continue Shopping",
  );
  assert.match(shown.html, /<h1>Thanks for your order!<\/h1>/);
  assert.deepEqual(shown.links, [{ text: 'Continue Shopping', href: '/' }]);
});
