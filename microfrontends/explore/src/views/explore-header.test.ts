// <explore-header>, rendered by Lit SSR. It loads no data: it has no pending, complete or error state — what it
// shows follows the URL only (the section the shopper is in). Checkout's mini cart in it is Checkout's to test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountView, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { renderer } from '../ssr.js';
import './explore-header.js';

serveMocks();

const current = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);

test('the logo, the main navigation and the section the shopper is in', () => {
  const view = mountView('explore-header', { url: '/products/classic' });
  const shown = view.render();
  assert.equal(shown.text, 'Tractor Store Machines Stores');
  assert.deepEqual(shown.labels, ['The Tractor Store — home', 'Main']);
  assert.deepEqual(
    shown.links.map((l) => `${l.text}→${l.href}`),
    ['Tractor Store→/', 'Machines→/products', 'Stores→/stores'],
  );
  assert.deepEqual(current(shown.html), ['/products']);
});

test('the current section follows the URL while the header stays mounted', () => {
  const view = mountView('explore-header', { url: '/' }).connect();
  assert.deepEqual(current(view.render().html), []);
  view.navigate('/stores');
  assert.deepEqual(current(view.render().html), ['/stores']);
});

test('server-rendered: the same header, for the URL the shell renders', async () => {
  const header = await renderOnServer(renderer, 'fragment', 'explore-header', { url: '/stores' });
  assert.equal(header?.text, 'Tractor Store Machines Stores');
  assert.deepEqual(current(header.html), ['/stores']);
});
