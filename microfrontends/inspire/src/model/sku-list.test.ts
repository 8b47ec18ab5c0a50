import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSkuList, parseSkuList } from './sku-list.js';

test('a skus attribute becomes a clean list', () => {
  assert.deepEqual(parseSkuList('CL-01-GY,AU-07-MT'), ['CL-01-GY', 'AU-07-MT']);
  assert.deepEqual(parseSkuList(' CL-01-GY ,  AU-07-MT CL-01-GY '), ['CL-01-GY', 'AU-07-MT']);
  assert.deepEqual(parseSkuList(''), []);
  assert.deepEqual(parseSkuList(null), []);
});

test('a list written back parses to the same list', () => {
  const skus = ['CL-01-GR', 'CL-01-GY'];
  assert.deepEqual(parseSkuList(formatSkuList(skus)), skus);
});
