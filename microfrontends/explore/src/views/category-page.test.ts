// <explore-category-page> in its four states, on Explore's msw mock (Explore's data module), rendered by Lit SSR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreRoutes, type CategoryKey } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import { formatStartPrice } from '../model/price.js';
import { renderer } from '../ssr.js';
import './category-page.js';

const server = serveMocks(...exploreHandlers);
/** What Explore's API answers (its mock, on Explore's data) for a category. */
const answer = (category: CategoryKey) => new ExploreClient({ baseUrl: ORIGIN }).products(category);

test('initial: before its data the page shows placeholder tiles and says it loads the machines', async () => {
  const { products } = await answer('classic');
  const view = mountView('explore-category-page', { url: '/products/classic' });
  const shown = view.render();
  assert.equal(shown.text, 'Loading machines');
  assert.ok(shown.busy);
  assert.ok(!shown.text.includes(products[0]!.name));
});

test('pending: loading the first category shows placeholders; another category keeps the last one shown', async () => {
  const [classic, autonomous] = [await answer('classic'), await answer('autonomous')];
  const view = mountView('explore-category-page', { url: '/products/classic' }).connect();
  assert.ok(view.loading, 'it loads');
  const first = view.render();
  assert.equal(first.text, 'Loading machines');
  assert.ok(first.busy);

  await view.settle();
  view.navigate('/products/autonomous');
  assert.ok(view.loading, 'it loads the next category');
  const switching = view.render();
  assert.ok(switching.text.startsWith(`${classic.category!.name} ${classic.products.length} products`));
  assert.ok(!switching.text.includes(autonomous.products[0]!.name));

  await view.settle();
  assert.ok(
    view.render().text.startsWith(`${autonomous.category!.name} ${autonomous.products.length} products`),
  );
});

test('complete: the category’s name, its count, the filters and a tile per product with its start price', async () => {
  const { category, categories, products } = await answer('classic');
  const view = mountView('explore-category-page', { url: '/products/classic' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.busy, false);
  const [heading, count] = [category!.name, `${products.length} products`];
  const filters = ['All', ...categories.map((c) => c.name)];
  const tiles = products.map((p) => `${p.name} ${formatStartPrice(p.startPrice)}`);
  assert.equal(shown.text, [heading, count, ...filters, ...tiles].join(' '));
  assert.match(shown.html, new RegExp(`<span aria-current="page"[^>]*>${category!.name}</span>`));
  assert.deepEqual(
    shown.links.slice(filters.length - 1),
    products.map((p) => ({ text: `${p.name} ${formatStartPrice(p.startPrice)}`, href: p.url })),
  );
});

test('error: the machines cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(exploreRoutes.products));
  const view = mountView('explore-category-page', { url: '/products/classic' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, 'The machines cannot be shown right now. try again');
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
});

test('server-rendered: the category arrives complete', async () => {
  const { category, products } = await answer('autonomous');
  const page = await renderOnServer(renderer, 'page', 'category', { url: '/products/autonomous' });
  assert.ok(page);
  assert.ok(page.text.startsWith(`${category!.name} ${products.length} products`));
  for (const product of products) assert.ok(page.text.includes(product.name), product.name);
});
