// Fuzzed contract: valid and systematically broken requests for every route of Explore's service (see
// chassis/fuzz.ts). No 5xx, every 4xx JSON naming the problem, every valid request answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreRoutes as r } from '@tractor/shared/contracts/explore';
import { fuzzService } from '@tractor/chassis/fuzz';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
before(async () => (service = await openTestApp()));
after(() => service.close());

test('fuzzed requests to every route: no 5xx, every 4xx says what is wrong, valid ones succeed', async () => {
  const report = await fuzzService(service.app, [
    { route: r.home, valid: [{}] },
    {
      route: r.products,
      valid: [{}, { query: { category: 'classic' } }, { query: { category: 'autonomous' } }],
    },
    { route: r.stores, valid: [{}] },
    { route: r.store, valid: [{ params: { id: 'store-c' } }, { params: { id: 'store-a' } }] },
  ]);
  console.log(`explore: ${JSON.stringify(report)}`);
  assert.equal(report.serverErrors, 0);
  assert.ok(report.tried > 500);
});
