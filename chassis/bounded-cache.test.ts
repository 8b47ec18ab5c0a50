import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedCache } from './bounded-cache.js';

test('past its bound the least recently used entry goes, and is handed to onEvict', () => {
  const evicted: string[] = [];
  const cache = new BoundedCache<string, number>({ maxEntries: 2, onEvict: (key) => evicted.push(key) });
  cache.set('a', 1);
  cache.set('b', 2);
  assert.equal(cache.get('a'), 1, 'a used: b is now the least recently used');
  cache.set('c', 3);
  assert.deepEqual(evicted, ['b']);
  assert.equal(cache.get('b'), undefined);
  assert.deepEqual(cache.keys(), ['a', 'c']);
  cache.set('a', 10, 1000);
  cache.set('d', 4);
  assert.deepEqual(evicted, ['b', 'c'], 'a refreshed by set is kept over c');
  assert.equal(cache.size, 2);
});

test('an entry whose time is up is gone, and a value kept for good stays', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000 });
  const cache = new BoundedCache<string, string>({ maxEntries: 10 });
  cache.set('short', 'x', 500);
  cache.set('forever', 'y');
  t.mock.timers.tick(499);
  assert.equal(cache.get('short'), 'x');
  t.mock.timers.tick(1);
  assert.equal(cache.get('short'), undefined);
  assert.equal(cache.size, 1, 'dropped when asked for');
  t.mock.timers.tick(10_000_000);
  assert.equal(cache.get('forever'), 'y');
  cache.clear();
  assert.equal(cache.size, 0);
});
