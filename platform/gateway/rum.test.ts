// POST /rum: a beacon's samples become Prometheus metrics per team × build × route × metric; bad input is a JSON
// 400/413/415 naming what is wrong, never a 5xx (fuzzed like the services' contracts); one client is limited;
// memory is bounded however many builds arrive. And the gateway's page tells the field signals what they need.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { fuzzService } from '@tractor/chassis/fuzz';
import { RUM_MAX_BYTES, rumRoutes, type RumSample } from '@tractor/shared/contracts/rum';
import { FieldSignals, rum } from './rum.js';
import { pageWorld, type PageWorld } from './testing.js';

const BUILD = '0123456789ab';
const sample = (overrides: Partial<RumSample> = {}): RumSample => ({
  team: 'decide',
  build: BUILD,
  route: '/product/:id',
  metric: 'LCP',
  value: 180,
  navigation: 'load',
  ssr: true,
  ...overrides,
});

async function rumApp(options: { max?: number; maxSeries?: number } = {}) {
  const registry = new Registry();
  const signals = new FieldSignals(registry, { maxSeries: options.maxSeries });
  const app = Fastify();
  await app.register(rum, { signals, limit: { max: options.max ?? 1_000_000, windowMs: 60_000 } });
  return { app, registry, signals };
}

const beacon = (app: FastifyInstance, body: unknown, contentType = 'text/plain;charset=UTF-8') =>
  app.inject({
    method: 'POST',
    url: '/rum',
    headers: { 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The value of one series in the registry's text exposition ("name{labels} value"). */
async function seriesValue(registry: Registry, name: string, labels: Record<string, string>) {
  const text = await registry.metrics();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

test('a beacon becomes metrics per team, build, route and metric: durations in seconds, counts counted', async () => {
  const { app, registry } = await rumApp();
  const response = await beacon(app, {
    samples: [
      sample(),
      sample({ metric: 'INP', value: 320, team: 'checkout', ssr: false }),
      sample({ metric: 'CLS', value: 0.05, team: 'inspire' }),
      sample({ metric: 'view', value: 1 }),
      sample({ metric: 'view', value: 1, team: 'explore', build: 'aaaaaaaaaaaa' }),
      sample({ metric: 'error', value: 1 }),
      sample({ metric: 'error', value: 1, team: 'platform', route: '*', navigation: 'client', ssr: false }),
    ],
  });
  assert.equal(response.statusCode, 204);
  const decide = { team: 'decide', build: BUILD, route: '/product/:id', navigation: 'load', ssr: 'true' };
  assert.equal(await seriesValue(registry, 'tractor_rum_lcp_seconds_sum', decide), 0.18);
  assert.equal(await seriesValue(registry, 'tractor_rum_lcp_seconds_bucket', { ...decide, le: '0.2' }), 1);
  assert.equal(await seriesValue(registry, 'tractor_rum_lcp_seconds_bucket', { ...decide, le: '0.1' }), 0);
  assert.equal(
    await seriesValue(registry, 'tractor_rum_inp_seconds_sum', { team: 'checkout', ssr: 'false' }),
    0.32,
  );
  assert.equal(await seriesValue(registry, 'tractor_rum_cls_sum', { team: 'inspire' }), 0.05);
  assert.equal(await seriesValue(registry, 'tractor_rum_page_views_total', decide), 1);
  assert.equal(await seriesValue(registry, 'tractor_rum_page_views_total', { team: 'explore' }), 1);
  assert.equal(await seriesValue(registry, 'tractor_rum_errors_total', decide), 1);
  assert.equal(await seriesValue(registry, 'tractor_rum_errors_total', { team: 'platform', route: '*' }), 1);
  // Nothing but the labels the contract allows is kept: no address, agent, cookie or URL.
  const text = await registry.metrics();
  assert.doesNotMatch(text, /127\.0\.0\.1|lightMyRequest|CL-01|cookie/);
});

test('bad beacons are JSON errors naming what is wrong, and nothing of them is counted', async () => {
  const { app, registry } = await rumApp();
  const refusals: [unknown, number, RegExp][] = [
    ['{"samples": [', 400, /not JSON/],
    [{}, 400, /samples/],
    [{ samples: [] }, 400, /samples/],
    [{ samples: [sample({ team: 'marketing' })] }, 400, /team/],
    [{ samples: [sample({ metric: 'FID' as 'LCP' })] }, 400, /metric/],
    [{ samples: [sample({ value: -1 })] }, 400, /value/],
    [{ samples: [sample({ value: 600_000 })] }, 400, /out of range/],
    [{ samples: [sample({ metric: 'CLS', value: 1000 })] }, 400, /out of range/],
    [{ samples: [sample({ route: '/product/CL-01' })] }, 400, /route/],
    [{ samples: [sample({ build: 'latest' })] }, 400, /build/],
    [{ samples: [sample({ navigation: 'prerender' as 'load' })] }, 400, /navigation/],
    [{ samples: [{ ...sample(), url: 'https://shop.example/product/CL-01?email=x' }] }, 400, /unknown keys/],
    [{ samples: Array.from({ length: 101 }, () => sample()) }, 400, /at most 100/],
  ];
  for (const [body, status, message] of refusals) {
    const response = await beacon(app, body);
    assert.equal(response.statusCode, status, JSON.stringify(body).slice(0, 120));
    assert.match(response.headers['content-type'] as string, /application\/json/);
    assert.match((response.json() as { message: string }).message, message);
  }
  const huge = JSON.stringify({ samples: [sample()], padding: 'x'.repeat(RUM_MAX_BYTES) });
  const tooLarge = await beacon(app, huge);
  assert.equal(tooLarge.statusCode, 413);
  assert.match(tooLarge.headers['content-type'] as string, /application\/json/);
  const wrongType = await beacon(app, { samples: [sample()] }, 'application/x-www-form-urlencoded');
  assert.equal(wrongType.statusCode, 415);
  assert.equal(await seriesValue(registry, 'tractor_rum_lcp_seconds_count', {}), undefined);
});

test('the endpoint fuzzed from its contract: no 5xx, every refusal says what is wrong', async () => {
  const { app } = await rumApp();
  const report = await fuzzService(app, [
    {
      route: rumRoutes.beacon,
      valid: [
        { body: { samples: [sample()] } },
        { body: { samples: [sample({ metric: 'error', value: 1, team: 'platform', route: '*' })] } },
      ],
    },
  ]);
  assert.equal(report.serverErrors, 0);
  assert.ok(report.broken > 100, JSON.stringify(report));
});

test('one client may send so many beacons a minute; then 429s in the error shape', async () => {
  const { app } = await rumApp({ max: 3 });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await beacon(app, { samples: [sample()] })).statusCode);
  assert.deepEqual(statuses, [204, 204, 204, 429]);
  const refused = await beacon(app, { samples: [sample()] });
  assert.match((refused.json() as { message: string }).message, /Too many field-signal beacons/);
});

test('memory is bounded: past the cap of label sets, samples are dropped and counted', async () => {
  const { app, registry, signals } = await rumApp({ maxSeries: 10 });
  for (let i = 0; i < 25; i++) {
    const build = i.toString(16).padStart(12, '0');
    assert.equal((await beacon(app, { samples: [sample({ build })] })).statusCode, 204);
  }
  assert.equal(signals.series, 10);
  assert.equal(
    await seriesValue(registry, 'tractor_rum_dropped_samples_total', { reason: 'series-limit' }),
    15,
  );
  // A known label set still counts.
  await beacon(app, { samples: [sample({ build: '000000000000' })] });
  assert.equal(await seriesValue(registry, 'tractor_rum_lcp_seconds_count', { build: '000000000000' }), 2);
});

let world: PageWorld;
before(async () => (world = await pageWorld()));
after(() => world.close());

test('the gateway: /rum and /metrics, and each page tells its field signals the sample rate and which teams it rendered', async () => {
  await world.deploy('explore', 'aaaaaaaaaaaa');
  const gateway = await world.gatewayWith({
    services: { explore: world.exploreOrigin },
    rum: { sampleRate: 0.25 },
  });
  try {
    const sent = await beacon(gateway, { samples: [sample({ metric: 'TTFB', value: 40 })] });
    assert.equal(sent.statusCode, 204);
    const metrics = await gateway.inject('/metrics');
    assert.match(metrics.body, /tractor_rum_ttfb_seconds_count\{[^}]*team="decide"[^}]*\} 1/);
    assert.match(metrics.body, /tractor_rum_sample_rate\{service="gateway"\} 0\.25/);
    assert.match(metrics.body, /process_resident_memory_bytes/);
    // Explore's header is rendered by its live build; its home page answers from another build: the browser's.
    const page = await gateway.inject('/');
    const facts = /<script[^>]* id="tractor-page">(.*?)<\/script>/.exec(page.body);
    assert.ok(facts, 'the page has its facts');
    const parsed = JSON.parse(facts[1]!) as { ssr: string[]; rum: number; build: string };
    assert.deepEqual(parsed.ssr, ['explore']);
    assert.equal(parsed.rum, 0.25);
    assert.match(parsed.build, /^[0-9a-f]{12}$/);
  } finally {
    await gateway.close();
  }
});
