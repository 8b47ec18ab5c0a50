// <explore-footer>, rendered by Lit SSR. Static: it loads no data, so it has no pending, complete or error state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountView, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { renderer } from '../ssr.js';
import './explore-footer.js';

serveMocks();

test('the credit to the Tractor Store project and what this shop is built with', () => {
  const shown = mountView('explore-footer').render();
  assert.match(
    shown.text,
    /^The Tractor Store A reference shop for comparing micro-frontend techniques, by neuland\./,
  );
  assert.match(shown.text, /Built with single-spa and single-spa-layout/);
  assert.deepEqual(
    shown.links.map((l) => l.href),
    ['https://neuland-bfi.de', 'https://micro-frontends.org/tractor-store/'],
  );
});

test('server-rendered: the same footer', async () => {
  const footer = await renderOnServer(renderer, 'fragment', 'explore-footer');
  assert.equal(footer?.text, mountView('explore-footer').render().text);
});
