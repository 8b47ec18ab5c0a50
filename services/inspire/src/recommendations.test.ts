import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend, type ColouredVariant } from './recommendations.js';

const v = (sku: string, r: number, g: number, b: number): ColouredVariant => ({ sku, rgb: [r, g, b] });
const catalog = [
  v('RED', 250, 0, 0),
  v('DARK-RED', 120, 0, 0),
  v('GREEN', 0, 200, 0),
  v('BLUE', 0, 0, 250),
  v('PINK', 250, 120, 120),
];

test('nearest colours to the average of the given SKUs, without the given SKUs', () => {
  assert.deepEqual(
    recommend(catalog, ['RED'], 2).map((x) => x.sku),
    ['DARK-RED', 'PINK'],
  );
  // The average of RED and BLUE is purple-ish: dark red is nearest.
  assert.deepEqual(
    recommend(catalog, ['RED', 'BLUE'], 1).map((x) => x.sku),
    ['DARK-RED'],
  );
});

test('no known SKU: the first variants of the catalog', () => {
  assert.deepEqual(
    recommend(catalog, [], 2).map((x) => x.sku),
    ['RED', 'DARK-RED'],
  );
  assert.deepEqual(
    recommend(catalog, ['UNKNOWN'], 2).map((x) => x.sku),
    ['RED', 'DARK-RED'],
  );
});

test('equal distances keep catalog order', () => {
  const twins = [v('A', 10, 0, 0), v('B', 0, 10, 0), v('C', 0, 0, 0)];
  assert.deepEqual(
    recommend(twins, ['C'], 2).map((x) => x.sku),
    ['A', 'B'],
  );
});
