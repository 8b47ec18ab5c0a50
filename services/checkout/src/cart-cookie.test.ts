import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUANTITY } from '@tractor/shared/contracts/checkout';
import { formatCartCookie, MalformedCart, parseCartCookie, withOneMore, without } from './cart-cookie.js';

test('reads and writes the spec’s format', () => {
  const items = parseCartCookie('CL-01-GR_2|CL-01-GY_1');
  assert.deepEqual(
    [...items],
    [
      ['CL-01-GR', 2],
      ['CL-01-GY', 1],
    ],
  );
  assert.equal(formatCartCookie(items), 'CL-01-GR_2|CL-01-GY_1');
  assert.equal(parseCartCookie(undefined).size, 0);
  assert.equal(parseCartCookie('').size, 0);
});

test('adding raises the quantity; removing drops the whole line', () => {
  let items = parseCartCookie('');
  items = withOneMore(items, 'CL-01-GR');
  items = withOneMore(items, 'CL-01-GR');
  items = withOneMore(items, 'CL-01-GY');
  assert.equal(formatCartCookie(items), 'CL-01-GR_2|CL-01-GY_1');
  assert.equal(formatCartCookie(without(items, 'CL-01-GY')), 'CL-01-GR_2');
});

test('up to MAX_QUANTITY of a variant', () => {
  assert.equal(parseCartCookie(`CL-01-GR_${MAX_QUANTITY}`).get('CL-01-GR'), MAX_QUANTITY);
  assert.throws(
    () => parseCartCookie(`CL-01-GR_1|AU-07-MT_${MAX_QUANTITY + 1}`),
    /holds \d+ of AU-07-MT, more than/,
  );
});

test('anything else is malformed, with a reason', () => {
  for (const bad of [
    'CL-01-GR',
    'CL-01-GR_0',
    'CL-01-GR_-1',
    'CL-01-GR_100',
    `CL-01-GR_${MAX_QUANTITY + 1}`,
    'CL-01-GR_1234567890',
    'CL-01-GR_1.5',
    'cl-01-gr_1',
    'CL-01-GR_1|',
    'CL-01-GR_1|CL-01-GR_2',
    'CL-01-GR_1,CL-01-GY_1',
    '<script>_1',
    Array.from({ length: 51 }, (_, i) => `CL-${String(i).padStart(2, '0')}-GR_1`).join('|'),
  ]) {
    assert.throws(() => parseCartCookie(bad), MalformedCart, bad);
  }
});
