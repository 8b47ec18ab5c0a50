// `npm run vitals` reads the gateways' metrics as Prometheus would: series summed over replicas, the p75 read off
// the buckets the way histogram_quantile reads it, errors per 1 000 views of the same build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { FieldSignals } from '../platform/gateway/rum.js';
import type { RumSample } from '@tractor/shared/contracts/rum';
import { formatVitals, parsePrometheus, vitalsRows } from './vitals-report.js';

const BUILD = 'aaaaaaaaaaaa';
const sample = (
  metric: RumSample['metric'],
  value: number,
  overrides: Partial<RumSample> = {},
): RumSample => ({
  team: 'decide',
  build: BUILD,
  route: '/product/:id',
  metric,
  value,
  navigation: 'load',
  ssr: true,
  ...overrides,
});

/** A gateway replica's /metrics after these samples. */
async function replica(samples: RumSample[]) {
  const registry = new Registry();
  new FieldSignals(registry).record({ samples });
  return parsePrometheus(await registry.metrics());
}

test('rows per team, build and route, summed over replicas, with p75s as histogram_quantile reads them', async () => {
  const one = await replica([
    sample('view', 1),
    sample('view', 1),
    sample('LCP', 150),
    sample('LCP', 150),
    sample('INP', 100),
    sample('error', 1),
  ]);
  const two = await replica([
    sample('view', 1),
    sample('view', 1),
    sample('LCP', 900),
    sample('LCP', 900),
    sample('LCP', 400, { navigation: 'client', ssr: false }),
    sample('CLS', 0),
    sample('view', 1, { team: 'explore', build: 'bbbbbbbbbbbb' }),
  ]);
  const rows = vitalsRows([...one, ...two]);
  assert.deepEqual(
    rows.map((r) => [r.team, r.build, r.route, r.views]),
    [
      ['decide', BUILD, '/product/:id', 4],
      ['explore', 'bbbbbbbbbbbb', '/product/:id', 1],
    ],
  );
  const decide = rows[0]!;
  // Four LCPs of document loads: 150, 150, 900, 900 ms; the p75 (rank 3) lies in the 0.75–1 s bucket.
  assert.equal(decide.lcp?.count, 4);
  assert.ok(decide.lcp!.p75 > 750 && decide.lcp!.p75 <= 1000, String(decide.lcp!.p75));
  // The client-side navigation's LCP is a figure of its own.
  assert.equal(decide.clientLcp?.count, 1);
  assert.ok(decide.clientLcp!.p75 > 300 && decide.clientLcp!.p75 <= 500);
  assert.equal(decide.inp?.count, 1);
  assert.equal(decide.cls?.p75, 0);
  assert.equal(decide.errors, 1);
  const table = formatVitals(rows);
  assert.match(table.split('\n')[0]!, /^team\s+build\s+route\s+views\s+LCP p75/);
  // One error in four views: 250 per 1 000.
  assert.match(table.split('\n')[1]!, /^decide\s+aaaaaaaaaaaa\s+\/product\/:id\s+4\s+\d+ ms \(4\).*\s250$/);
  assert.match(table.split('\n')[2]!, /^explore.*–/);
});

test('labels with quotes and escapes parse; other lines are ignored', () => {
  const series = parsePrometheus(
    '# HELP x y\n# TYPE x counter\nx{a="q\\"uote",b="back\\\\slash"} 3\nnonsense line\ny 1.5\n',
  );
  assert.deepEqual(series, [
    { name: 'x', labels: { a: 'q"uote', b: 'back\\slash' }, value: 3 },
    { name: 'y', labels: {}, value: 1.5 },
  ]);
});
