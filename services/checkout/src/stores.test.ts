// Checkout's store directory reuses Explore's answers for as long as Explore's contract allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { HttpError } from '@tractor/shared/contracts/http';
import { exploreStores, StoresUnavailable } from './stores.js';

/** A client whose store() answers from `answer`, counting the calls. */
function fakeClient(answer: (id: string) => Promise<void>) {
  const calls: string[] = [];
  const client = new ExploreClient({ baseUrl: 'http://explore.test' });
  client.store = (async (id: string) => {
    calls.push(id);
    await answer(id);
  }) as unknown as ExploreClient['store'];
  return { calls, client: () => client };
}

test('an answer is reused within the reuse time; a failure never is', async () => {
  let down = false;
  const { calls, client } = fakeClient(async (id) => {
    if (down) throw new HttpError(503, { message: 'down' });
    if (id === 'store-z') throw new HttpError(404, { message: 'no such store' });
  });
  const stores = exploreStores(client, { reuseMs: 60_000 });
  assert.equal(await stores.exists('store-c'), true);
  assert.equal(await stores.exists('store-c'), true);
  assert.equal(await stores.exists('store-z'), false);
  assert.equal(await stores.exists('store-z'), false);
  assert.deepEqual(calls, ['store-c', 'store-z'], 'one call per store');

  down = true;
  await assert.rejects(stores.exists('store-a'), StoresUnavailable);
  await assert.rejects(stores.exists('store-a'), StoresUnavailable, 'a failure is not remembered');
  assert.equal(await stores.exists('store-c'), true, 'a known store is still known while Explore is down');
});

test('after the reuse time, Explore is asked again', async () => {
  const { calls, client } = fakeClient(async () => {});
  const stores = exploreStores(client, { reuseMs: 0 });
  await stores.exists('store-c');
  await stores.exists('store-c');
  assert.equal(calls.length, 2);
});
