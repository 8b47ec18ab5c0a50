import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_MACHINES,
  CategoryListing,
  categoryFromPath,
  namesUnknownCategory,
  type ProductsAnswer,
} from './category-listing.js';

const categories = [
  { key: 'classic', name: 'Classics' },
  { key: 'autonomous', name: 'Autonomous' },
] as const;

const answer = (category: ProductsAnswer['category'], count: number): ProductsAnswer => ({
  category,
  categories: [...categories],
  products: Array.from({ length: count }, (_, i) => ({
    id: `CL-${String(i + 1).padStart(2, '0')}`,
    name: `Tractor ${i + 1}`,
    url: `/product/CL-${i + 1}`,
    image: `/cdn/img/product/CL-0${i + 1}-GR.svg`,
    startPrice: 1000 * (count - i),
  })),
});

test('the category comes from the URL; none or an unknown one means all machines', () => {
  assert.equal(categoryFromPath('/products/classic'), 'classic');
  assert.equal(categoryFromPath('/products/autonomous'), 'autonomous');
  assert.equal(categoryFromPath('/products'), undefined);
  assert.equal(categoryFromPath('/products/tanks'), undefined);
  assert.equal(categoryFromPath('/stores'), undefined);
});

test('a path names an unknown category only when it has a category segment that is none of ours', () => {
  for (const path of ['/products/tanks', '/products/CLASSIC', "/products/$'", '/products/tanks/x']) {
    assert.equal(namesUnknownCategory(path), true, path);
  }
  for (const path of [
    '/products',
    '/products/',
    '/products/classic',
    '/products/autonomous',
    '/stores',
    '/',
  ]) {
    assert.equal(namesUnknownCategory(path), false, path);
  }
});

test('all machines: title, count, "All" is the active filter', () => {
  const listing = new CategoryListing(answer(null, 23));
  assert.equal(listing.title, ALL_MACHINES);
  assert.equal(listing.countLabel, '23 products');
  assert.deepEqual(
    listing.filters.map((f) => [f.label, f.href, f.active]),
    [
      ['All', '/products', true],
      ['Classics', '/products/classic', false],
      ['Autonomous', '/products/autonomous', false],
    ],
  );
});

test('a category: its name as title and its filter active', () => {
  const listing = new CategoryListing(answer(categories[0], 1));
  assert.equal(listing.title, 'Classics');
  assert.equal(listing.countLabel, '1 product');
  assert.deepEqual(
    listing.filters.filter((f) => f.active).map((f) => f.label),
    ['Classics'],
  );
});

test('tiles keep the order of the answer and show the start price', () => {
  const tiles = new CategoryListing(answer(null, 2)).tiles;
  assert.deepEqual(
    tiles.map((t) => [t.name, t.price]),
    [
      ['Tractor 1', '2000,00 Ø'],
      ['Tractor 2', '1000,00 Ø'],
    ],
  );
});
