import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withinTime } from './deadline.js';

test('a wait settles at its deadline even when the work never does, and the work is told to stop', async () => {
  let aborted: unknown;
  const started = performance.now();
  await assert.rejects(
    withinTime(50, (signal) => {
      signal.addEventListener('abort', () => (aborted = signal.reason));
      return new Promise(() => {}); // never settles, like a response body that never ends
    }),
    { name: 'TimeoutError' },
  );
  assert.ok(performance.now() - started < 500);
  assert.equal((aborted as Error).name, 'TimeoutError');
});

test('work done in time is its own answer, and nothing fires later', async () => {
  let aborted = false;
  const answer = await withinTime(50, async (signal) => {
    signal.addEventListener('abort', () => (aborted = true));
    return 'done';
  });
  assert.equal(answer, 'done');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(aborted, false);
});
