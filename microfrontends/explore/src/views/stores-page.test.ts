// <explore-stores-page> in its four states, on Explore's msw mock (Explore's data module), rendered by Lit SSR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import { renderer } from '../ssr.js';
import './stores-page.js';

const server = serveMocks(...exploreHandlers);
/** What Explore's API answers (its mock, on Explore's data): the stores the page should show. */
const stores = async () => (await new ExploreClient({ baseUrl: ORIGIN }).stores()).stores;
const HEADING = 'Our Stores';
const LEAD = 'Want to see our tractors up close? Visit one of our stores — and pick up your order there.';

test('initial: the heading and the lead, placeholder tiles, and that the stores are loading', () => {
  const view = mountView('explore-stores-page', { url: '/stores' });
  const shown = view.render();
  assert.equal(shown.text, `${HEADING} ${LEAD} Loading stores`);
  assert.ok(shown.busy);
});

test('pending: while the stores load, the placeholders stay', async () => {
  const view = mountView('explore-stores-page', { url: '/stores' }).connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, `${HEADING} ${LEAD} Loading stores`);
  assert.ok(shown.busy);
  await view.settle();
});

test('complete: every store with its name and address', async () => {
  const expected = await stores();
  assert.ok(expected.length > 0);
  const view = mountView('explore-stores-page', { url: '/stores' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.busy, false);
  const tiles = expected.map((s) => `${s.name} ${s.street} ${s.city}`);
  assert.equal(shown.text, [HEADING, LEAD, ...tiles].join(' '));
});

test('error: the stores cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(exploreRoutes.stores));
  const view = mountView('explore-stores-page', { url: '/stores' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${HEADING} ${LEAD} The stores cannot be shown right now. try again`);
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
});

test('server-rendered: the page arrives complete, with the stores', async () => {
  const expected = await stores();
  const page = await renderOnServer(renderer, 'page', 'stores', { url: '/stores' });
  for (const store of expected) assert.ok(page?.text.includes(`${store.name} ${store.street} ${store.city}`));
});
