// `npm run bench:load`: each team's service held at a fixed rate on its read endpoints (BENCH_RATE requests/s,
// default 200, for BENCH_SECONDS, default 30), straight to the service — the store as `npm start` runs it,
// PGlite embedded. Prints throughput, p50/p99 latency, errors (any is a failure: exit code 1) and memory: the
// process's resident set and, for PGlite, the WebAssembly heap it holds (Node's external memory). With
// BENCH_BASELINE=<commit>, the same on that commit, in the same run.
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { team } from '../../shared/teams.js';
import { baselineTree, mb, serviceMemory, startStore } from './lib.js';
import { repoRoot } from '../stack.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const reads: Record<string, { paths: string[]; headers?: Record<string, string> }> = {
  explore: {
    paths: [
      '/explore/api/home',
      '/explore/api/products',
      '/explore/api/products?category=classic',
      '/explore/api/stores',
    ],
  },
  decide: { paths: ['/decide/api/products/CL-01', '/decide/api/products/AU-07'] },
  checkout: {
    paths: ['/checkout/api/cart', '/checkout/api/variants/CL-01-GR'],
    headers: { cookie: 'c_cart=CL-01-GR_2|AU-07-MT_1' },
  },
  inspire: {
    paths: [
      '/inspire/api/recommendations?skus=CL-01-GR,AU-07-MT',
      '/inspire/api/recommendations?skus=CL-01-GY',
    ],
  },
};

async function holdRate(label: string, port: number): Promise<number> {
  let errors = 0;
  console.log(`\n${label} (${RATE} req/s for ${SECONDS} s, read endpoints, straight to each service)`);
  for (const [name, { paths, headers }] of Object.entries(reads)) {
    const origin = `http://127.0.0.1:${port + team(name).portOffset}`;
    const before = await serviceMemory(origin);
    const result = await autocannon({
      url: origin,
      connections: 20,
      overallRate: RATE,
      duration: SECONDS,
      headers: headers ?? {},
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    });
    const after = await serviceMemory(origin);
    const failed = result.errors + result.timeouts + result.non2xx;
    errors += failed;
    console.log(
      `  ${name.padEnd(9)} ${result.requests.average.toFixed(0).padStart(4)} req/s  p50 ${result.latency.p50} ms  ` +
        `p99 ${result.latency.p99} ms  errors ${failed}  ` +
        `memory ${mb(before.rss)} → ${mb(after.rss)} (heap ${mb(after.heap)}, PGlite + buffers ${mb(after.external)})`,
    );
  }
  return errors;
}

async function measure(label: string, dir: string, port: number): Promise<number> {
  let store: ChildProcess | undefined;
  try {
    store = await startStore(dir, port);
    return await holdRate(label, port);
  } finally {
    store?.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
  }
}

let errors = await measure('this tree', repoRoot, 3600);
const baseline = process.env.BENCH_BASELINE;
if (baseline) errors += await measure(`baseline ${baseline}`, baselineTree(baseline), 3700);
if (errors > 0) {
  console.error(`\n${errors} requests failed under a fixed load: that is a bug, not a slow machine.`);
  process.exit(1);
}
