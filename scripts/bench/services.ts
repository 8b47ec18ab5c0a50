// `npm run bench:services`: the services' speed targets (issue "Fast services"), on the store as `npm start`
// runs it. Every read endpoint through the gateway, 50 connections for 10 s (target ≥ 2 000 req/s, p99 < 20 ms);
// place-order, 50 connections for 10 s, on PGlite and on PostgreSQL (target on PostgreSQL ≥ 500 orders/s, p99 <
// 100 ms; PGlite: as fast as it allows; BENCH_DATABASE_URL names the server); errors (must be 0); each service's memory afterwards. The load
// generator runs on the same cores as everything else.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { team, teams } from '../../shared/teams.js';
import { freshPostgres, mb, orderLoad, serviceMemory, startStore } from './lib.js';
import { repoRoot } from '../stack.js';

const PORT = 3800;
const GATEWAY = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const row = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
let failures = 0;

const reads = [
  '/explore/api/home',
  '/explore/api/products',
  '/explore/api/products?category=classic',
  '/explore/api/stores',
  '/explore/api/stores/store-c',
  '/inspire/api/recommendations?skus=CL-01-GR',
  '/decide/api/products/CL-01',
  '/checkout/api/variants/CL-01-GR',
];

async function readLoad() {
  console.log(`\nReads through the gateway (50 connections, ${SECONDS} s; target ≥ 2000 req/s, p99 < 20 ms)`);
  for (const url of reads) {
    await autocannon({ url: GATEWAY + url, connections: 50, duration: 2 }); // warm-up, not counted
    const result = await autocannon({ url: GATEWAY + url, connections: 50, duration: SECONDS });
    const errors = result.errors + result.timeouts + result.non2xx;
    failures += errors;
    const met = result.requests.average >= 2000 && result.latency.p99 < 20 ? 'meets' : 'MISSES';
    row(
      `GET ${url}`,
      `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `errors ${errors}  (${met} the target)`,
    );
  }
}

async function placeOrders(label: string, databaseUrl: string | undefined, port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/checkout-server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      EXPLORE_URL: `http://127.0.0.1:${PORT + team('explore').portOffset}`,
      DATABASE_URL: databaseUrl ?? '',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`${origin}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (server.exitCode !== null) throw new Error(`the ${label} Checkout service did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const basket of ['mixed', 'one-sku'] as const) {
      const result = await orderLoad(origin, SECONDS, basket);
      const errors = result.errors + result.timeouts + result.non2xx;
      failures += errors;
      const { rss } = await serviceMemory(origin);
      row(
        `POST /checkout/api/orders (${label}, ${basket === 'mixed' ? 'mixed baskets' : 'all one SKU'})`,
        `${Math.round(result.requests.average)} orders/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
          `${result['2xx']} placed, errors ${errors}, memory ${mb(rss)}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function memoryOfServices() {
  console.log('\nMemory of each service after the run');
  for (const { name } of teams) {
    const memory = await serviceMemory(`http://127.0.0.1:${PORT + team(name).portOffset}`);
    row(
      name,
      `resident ${mb(memory.rss)}, JS heap ${mb(memory.heap)}, PGlite and buffers ${mb(memory.external)}`,
    );
  }
}

const store = await startStore(repoRoot, PORT);
try {
  // Warm every route once (JIT, the services' kept answers, the gateway's).
  await Promise.all(reads.map((url) => fetch(GATEWAY + url).then((r) => r.arrayBuffer())));
  await readLoad();
  console.log(
    `\nPlace order (a Checkout service of its own, 50 connections, ${SECONDS} s; target on PostgreSQL ≥ 500/s, p99 < 100 ms)`,
  );
  await placeOrders('PGlite', undefined, PORT + 60);
  const postgres = await freshPostgres();
  if (postgres) {
    try {
      await placeOrders('PostgreSQL', postgres.url, PORT + 61);
    } finally {
      await postgres.drop();
    }
  } else {
    row('POST /checkout/api/orders (PostgreSQL)', 'skipped: no PostgreSQL answers (BENCH_DATABASE_URL)');
  }
  await memoryOfServices();
} finally {
  store.kill('SIGINT');
}
if (failures > 0) {
  console.error(`\n${failures} requests failed: that is a bug, not a slow machine.`);
  process.exitCode = 1;
}
