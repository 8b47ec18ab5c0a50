// SeededTask with a fake host: a seed that is an error shows as failed, with no run, as the server rendered it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, FakeHost } from '../testing/fake-host.js';
import { SeededTask, type TaskSeed } from './seeded-task.js';

type Shown = readonly [kind: string, detail: unknown];

function setup(options: { args: () => [string]; seed?: () => TaskSeed<[string], string> | undefined }) {
  const ran: string[] = [];
  const host = new FakeHost();
  const task = new SeededTask<[string], string>(host, {
    task: async ([id]) => {
      ran.push(id);
      if (id === 'missing') throw new Error('still missing');
      return `value of ${id}`;
    },
    ...options,
  });
  const shown = () =>
    task.render<Shown>({
      initial: () => ['initial', undefined],
      pending: () => ['pending', undefined],
      complete: (value) => ['complete', value],
      error: (error) => ['error', error],
    });
  host.connect();
  return { host, task, ran, shown };
}

const settled = async (host: FakeHost) => {
  await host.updateComplete;
  await host.updateComplete;
};

test('a seed that is an error shows as that error at once, and nothing runs', async () => {
  const notFound = new Error('no product XX-99');
  const { host, task, ran, shown } = setup({
    args: () => ['XX-99'],
    seed: () => ({ error: notFound, args: ['XX-99'] }),
  });
  assert.deepEqual(shown(), ['error', notFound], 'the first render is the error, as on the server');
  await settled(host);
  host.requestUpdate();
  await settled(host);
  assert.deepEqual(shown(), ['error', notFound]);
  assert.equal(task.value, undefined);
  assert.deepEqual(ran, [], 'the seed is not fetched again');
});

test('an error seed for other arguments (the shopper moved on) shows once, then runs for the new ones', async () => {
  const { ran, shown } = setup({
    args: () => ['CL-01'],
    seed: () => ({ error: new Error('no product XX-99'), args: ['XX-99'] }),
  });
  assert.equal(shown()?.[0], 'error', 'the first render matches the server');
  assert.deepEqual(await eventually(() => (shown()?.[0] === 'complete' ? shown() : undefined)), [
    'complete',
    'value of CL-01',
  ]);
  assert.deepEqual(ran, ['CL-01']);
});

test('retry after an error seed runs the task', async () => {
  const { host, task, ran, shown } = setup({
    args: () => ['CL-01'],
    seed: () => ({ error: new Error('unreachable'), args: ['CL-01'] }),
  });
  await settled(host);
  assert.deepEqual(ran, []);
  await task.retry();
  assert.deepEqual(await eventually(() => (shown()?.[0] === 'complete' ? shown() : undefined)), [
    'complete',
    'value of CL-01',
  ]);
  assert.deepEqual(ran, ['CL-01']);
});

test('a value seed still shows as complete without a run; no seed runs at once', async () => {
  const seeded = setup({ args: () => ['CL-01'], seed: () => ({ value: 'seeded CL-01', args: ['CL-01'] }) });
  assert.deepEqual(seeded.shown(), ['complete', 'seeded CL-01']);
  await settled(seeded.host);
  assert.deepEqual(seeded.ran, []);

  const plain = setup({ args: () => ['CL-01'] });
  assert.deepEqual(await eventually(() => (plain.shown()?.[0] === 'complete' ? plain.shown() : undefined)), [
    'complete',
    'value of CL-01',
  ]);
});
