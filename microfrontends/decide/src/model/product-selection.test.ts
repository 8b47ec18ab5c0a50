import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Product } from '@tractor/shared/contracts/decide';
import { ProductSelection, productRoute, variantUrl } from './product-selection.js';

const variant = (sku: string, name: string) => ({
  sku,
  name,
  colour: '#000000',
  price: 100,
  image: `/${sku}.svg`,
});
const product: Product = {
  id: 'CL-01',
  name: 'Heritage Workhorse',
  category: 'classic',
  highlights: ['a', 'b', 'c'],
  variants: [variant('CL-01-GR', 'Verdant Field'), variant('CL-01-GY', 'Stormy Sky')],
};

test('the URL names the product and the variant', () => {
  assert.deepEqual(productRoute(new URL('http://shop.test/product/CL-01?sku=CL-01-GY')), {
    id: 'CL-01',
    sku: 'CL-01-GY',
  });
  assert.deepEqual(productRoute(new URL('http://shop.test/product/CL-01')), { id: 'CL-01', sku: null });
  assert.equal(productRoute(new URL('http://shop.test/products')).id, undefined);
});

test('no or an unknown SKU selects the first variant', () => {
  assert.equal(new ProductSelection(product).selected.sku, 'CL-01-GR');
  assert.equal(new ProductSelection(product, 'AU-01-SI').selected.sku, 'CL-01-GR');
  assert.equal(new ProductSelection(product, 'CL-01-GY').selected.sku, 'CL-01-GY');
});

test('selecting a variant tells listeners once, and only when it changed', () => {
  const selection = new ProductSelection(product);
  let changes = 0;
  selection.addEventListener('change', () => changes++);
  selection.selectVariant('CL-01-GY');
  selection.selectVariant('CL-01-GY');
  assert.equal(selection.selected.name, 'Stormy Sky');
  selection.selectVariant(null);
  assert.equal(selection.selected.name, 'Verdant Field');
  assert.equal(changes, 2);
});

test('each variant links to the product page with its SKU', () => {
  assert.equal(variantUrl(product, product.variants[1]!), '/product/CL-01?sku=CL-01-GY');
});

test('a product without variants is refused', () => {
  assert.throws(() => new ProductSelection({ ...product, variants: [] }), /no variants/);
});
