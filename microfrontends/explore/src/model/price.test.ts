import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStartPrice } from './price.js';

test('start prices read like "5700,00 Ø"', () => {
  assert.equal(formatStartPrice(5700), '5700,00 Ø');
  assert.equal(formatStartPrice(1000), '1000,00 Ø');
  assert.equal(formatStartPrice(0), '0,00 Ø');
});
