// <explore-home-page> in its four states, on Explore's msw mock (Explore's data module), rendered by Lit SSR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import { renderer } from '../ssr.js';
import './home-page.js';

const server = serveMocks(...exploreHandlers);
/** What Explore's API answers (its mock, on Explore's data): the teasers the page should show. */
const teasers = async () => (await new ExploreClient({ baseUrl: ORIGIN }).home()).teasers;

test('initial: before its data the home page holds the teasers’ places, and shows no teaser yet', async () => {
  const expected = await teasers();
  const view = mountView('explore-home-page');
  const shown = view.render();
  assert.equal(shown.text, 'The Tractor Store', 'only the (visually hidden) page heading');
  assert.ok(shown.busy, 'the placeholders say they are loading');
  for (const teaser of expected) assert.ok(!shown.text.includes(teaser.title), teaser.title);
});

test('pending: while the teasers load, the placeholders stay', async () => {
  const view = mountView('explore-home-page').connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, 'The Tractor Store');
  assert.ok(shown.busy);
  await view.settle();
});

test('complete: one teaser per category, with its title, linking to the category', async () => {
  const expected = await teasers();
  assert.ok(expected.length > 0);
  const view = mountView('explore-home-page').connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.busy, false);
  assert.equal(shown.text, ['The Tractor Store', ...expected.map((t) => t.title)].join(' '));
  assert.deepEqual(
    shown.links,
    expected.map((t) => ({ text: t.title, href: t.url })),
  );
});

test('error: the categories cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(exploreRoutes.home));
  const view = mountView('explore-home-page').connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, 'The Tractor Store The categories cannot be shown right now. try again');
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
  assert.match(shown.html, /role="alert"/);
});

test('server-rendered: the page arrives complete, with the teasers', async () => {
  const expected = await teasers();
  const page = await renderOnServer(renderer, 'page', 'home');
  assert.ok(page);
  for (const teaser of expected) assert.ok(page.text.includes(teaser.title), teaser.title);
  assert.equal(page.busy, false);
});
