// Fuzzed contract: valid and systematically broken requests for every route of Decide's service (see
// chassis/fuzz.ts). No 5xx, every 4xx JSON naming the problem, every valid request answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRoutes as r } from '@tractor/shared/contracts/decide';
import { fuzzService } from '@tractor/chassis/fuzz';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
before(async () => (service = await openTestApp()));
after(() => service.close());

test('fuzzed requests to every route: no 5xx, every 4xx says what is wrong, valid ones succeed', async () => {
  const report = await fuzzService(service.app, [
    { route: r.product, valid: [{ params: { id: 'CL-01' } }, { params: { id: 'AU-07' } }] },
  ]);
  console.log(`decide: ${JSON.stringify(report)}`);
  assert.equal(report.serverErrors, 0);
  assert.ok(report.tried > 100);
});
