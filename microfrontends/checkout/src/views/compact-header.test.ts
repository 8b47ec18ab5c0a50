// <checkout-compact-header>, rendered by Lit SSR. Static: it loads no data, so it has no pending, complete or
// error state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountView, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { renderer } from '../ssr.js';
import './compact-header.js';

serveMocks();

test('the logo, linking home — no navigation, no mini cart', () => {
  const shown = mountView('checkout-compact-header', { url: '/checkout/checkout' }).render();
  assert.equal(shown.text, 'Tractor Store');
  assert.deepEqual(shown.labels, ['The Tractor Store — home']);
  assert.deepEqual(shown.links, [{ text: 'Tractor Store', href: '/' }]);
});

test('server-rendered: the same header', async () => {
  const header = await renderOnServer(renderer, 'fragment', 'checkout-compact-header', {
    url: '/checkout/checkout',
  });
  assert.equal(header?.text, 'Tractor Store');
  assert.deepEqual(header.labels, ['The Tractor Store — home']);
});
