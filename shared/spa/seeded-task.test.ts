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

// Moving on from a seed, and aborting: a task that keeps one run per set of arguments.
const show = {
  initial: () => 'initial',
  pending: () => 'pending',
  complete: (value: string) => `complete: ${value}`,
  error: (error: unknown) => `error: ${String(error)}`,
};

/** A task over one argument, counting its runs; each run answers "<arg> from the service". */
function seededTask(seed?: TaskSeed<[string], string>) {
  const host = new FakeHost();
  const state = { arg: 'CL-01', runs: [] as string[], signals: [] as AbortSignal[] };
  const task = new SeededTask<[string], string>(host, {
    args: () => [state.arg],
    task: async ([arg], { signal }) => {
      state.runs.push(arg);
      state.signals.push(signal);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${arg} from the service`;
    },
    seed: () => seed,
  });
  const settle = async () => {
    await host.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { host, task, state, settle };
}

test('new arguments after the seed run the task once, and the seed is not shown again', async () => {
  const { host, task, state, settle } = seededTask({ value: 'CL-01 from the server', args: ['CL-01'] });
  host.connect();
  await settle();
  state.arg = 'CL-02';
  host.requestUpdate();
  await settle();
  assert.deepEqual(state.runs, ['CL-02']);
  assert.equal(task.render(show), 'complete: CL-02 from the service');
  state.arg = 'CL-01';
  host.requestUpdate();
  await settle();
  assert.deepEqual(state.runs, ['CL-02', 'CL-01'], 'back to the seed’s arguments: fetched, not the old seed');
  assert.equal(task.value, 'CL-01 from the service');
});

test('a seed for other arguments (the shopper moved on before the scripts came) hydrates, then runs', async () => {
  const { host, task, state, settle } = seededTask({ value: 'CL-01 from the server', args: ['CL-01'] });
  state.arg = 'CL-09';
  host.connect();
  // The first render is still the server's: hydration must match what was sent.
  assert.equal(task.render(show), 'complete: CL-01 from the server');
  await settle();
  assert.deepEqual(state.runs, ['CL-09']);
  assert.equal(task.render(show), 'complete: CL-09 from the service');
});

test('arguments that change mid-run abort the run before', async () => {
  const { host, state, settle } = seededTask();
  host.connect();
  await Promise.resolve();
  await Promise.resolve();
  state.arg = 'CL-02';
  host.requestUpdate();
  await settle();
  assert.deepEqual(state.runs, ['CL-01', 'CL-02']);
  assert.equal(state.signals[0]!.aborted, true, 'the first run was told to stop');
  assert.equal(state.signals[1]!.aborted, false);
});
