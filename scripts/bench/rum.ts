// `npm run bench:rum`: one gateway process taking field-signal beacons (POST /rum, platform/gateway/rum.ts).
//  1. the most it takes: 20 connections as fast as they go, realistic beacons (10 samples, a shop's label sets);
//  2. held at BENCH_RATE beacons/s (default 2 000) for BENCH_SECONDS (default 15): p50/p99 latency;
//  3. a flood of made-up builds (every sample a new label set): the resident memory stays bounded, the label sets
//     stop at the cap and the rest are counted as dropped.
// Any non-204 answer is a failure (exit code 1). The gateway runs as `npm start` runs it (mock mode: no team
// services, which beacons do not need), with the per-address limit raised: the load comes from one address.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { RumSample } from '@tractor/shared/contracts/rum';
import { parsePrometheus } from '../vitals-report.js';
import { repoRoot } from '../stack.js';
import { mb } from './lib.js';

const PORT = 3350;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RATE = Number(process.env.BENCH_RATE ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const TEAMS = ['explore', 'decide', 'checkout', 'inspire', 'platform'] as const;
const ROUTES = ['/', '/products', '/product/:id', '/stores', '/checkout/cart', '/checkout/checkout'];
const METRICS = [
  ['LCP', 2500],
  ['FCP', 1500],
  ['TTFB', 400],
  ['INP', 200],
  ['CLS', 0.1],
  ['view', 1],
] as const;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const liveBuild = (team: string) => `${team.length}`.repeat(12).slice(0, 12);

/** A page view's beacon: 10 samples; with `novel`, every sample names a build never seen before. */
function beacon(novel: boolean): string {
  const samples: RumSample[] = Array.from({ length: 10 }, () => {
    const team = pick(TEAMS);
    const [metric, typical] = pick(METRICS);
    return {
      team,
      build: novel ? randomBytes(6).toString('hex') : liveBuild(team),
      route: pick(ROUTES),
      metric,
      value: metric === 'view' ? 1 : Math.round(Math.random() * typical * 2 * 1000) / 1000,
      navigation: pick(['load', 'client'] as const),
      ssr: Math.random() < 0.8,
    };
  });
  return JSON.stringify({ samples });
}

async function gatewayFigures() {
  const series = parsePrometheus(await (await fetch(`${ORIGIN}/metrics`)).text());
  const value = (name: string) => series.filter((s) => s.name === name).reduce((sum, s) => sum + s.value, 0);
  const labelSets = new Set(
    series
      .filter((s) => s.name.startsWith('tractor_rum_') && s.labels.team)
      .map(
        (s) =>
          `${s.name.replace(/_(bucket|sum|count)$/, '')} ${s.labels.team} ${s.labels.build} ${s.labels.route} ${s.labels.navigation} ${s.labels.ssr}`,
      ),
  );
  return {
    rss: value('process_resident_memory_bytes'),
    beacons: value('tractor_rum_beacons_total'),
    dropped: value('tractor_rum_dropped_samples_total'),
    labelSets: labelSets.size,
  };
}

async function run(label: string, options: { novel: boolean; rate?: number; seconds: number }) {
  const result = await autocannon({
    url: ORIGIN,
    connections: 20,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/rum',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (request) => ({ ...request, body: beacon(options.novel) }),
      },
    ],
  });
  const figures = await gatewayFigures();
  const failed = result.non2xx + result.errors + result.timeouts;
  console.log(
    `  ${label.padEnd(44)} ${String(Math.round(result.requests.average)).padStart(6)} beacons/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  failed ${failed}  ` +
      `gateway RSS ${mb(figures.rss)}  label sets ${figures.labelSets}  dropped samples ${figures.dropped}`,
  );
  return failed;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tractor-bench-rum-'));
const gateway = spawn(process.execPath, ['--import', 'tsx', 'platform/server.ts'], {
  cwd: repoRoot,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    MOCK: 'on',
    LOG_LEVEL: 'warn',
    RUM_BEACONS_PER_MINUTE: '1000000000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  await new Promise<void>((resolve, reject) => {
    gateway.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('gateway on') && resolve());
    gateway.once('exit', () => reject(new Error('the gateway did not start')));
  });
  const started = await gatewayFigures();
  console.log(`\nField-signal beacons, one gateway (RSS at start ${mb(started.rss)}; 10 samples a beacon)`);
  let failed = 0;
  failed += await run('as fast as 20 connections go', { novel: false, seconds: SECONDS });
  failed += await run(`held at ${RATE} beacons/s`, { novel: false, rate: RATE, seconds: SECONDS });
  failed += await run('a flood of made-up builds (as fast as they go)', { novel: true, seconds: SECONDS });
  failed += await run('… and again: memory stays where it was', { novel: true, seconds: SECONDS });
  if (failed) process.exitCode = 1;
} finally {
  gateway.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
