// Explore's category renderer, its API answered by Explore's msw mock (as the service answers it in-process).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { exploreHandlers } from '@tractor/mocks/explore';
import type { ProductsAnswer } from './model/category-listing.js';
import { renderer } from './ssr.js';

const server = setupServer(...exploreHandlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const renderCategory = (path: string) =>
  renderer.pages.category!(
    {
      url: new URL(path, 'http://shop.test'),
      fetch: (input, init) => fetch(new URL(String(input), 'http://shop.test'), init),
    },
    {},
  );

test('an unknown category shows all machines, as a 404: the URL names no category', async () => {
  const unknown = await renderCategory('/products/tanks');
  assert.equal(unknown?.status, 404);
  const seed = unknown?.seed as ProductsAnswer;
  assert.equal(seed.category, null, 'all machines');
  assert.equal(seed.products.length, 23);
});

test('all machines and a known category are pages like any other', async () => {
  for (const path of ['/products', '/products/classic']) {
    const page = await renderCategory(path);
    assert.equal(page?.tag, 'explore-category-page', path);
    assert.equal(page?.status, undefined, path);
  }
});
