// `npm run bench:services`: the services' speed targets (issue "Fast services"), on the store as `npm start`
// runs it. Every read endpoint through the gateway, 50 connections for 10 s (target ≥ 2 000 req/s, p99 < 20 ms);
// place-order, 50 connections for 10 s, on PGlite and on PostgreSQL (target on PostgreSQL ≥ 500 orders/s, p99 <
// 100 ms; PGlite: as fast as it allows); errors (must be 0); each service's memory afterwards. The load
// generator runs on the same cores as everything else.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { team } from '../shared/teams.js';
import { startStore } from './bench-lib.js';
import { repoRoot } from './stack.js';

const PORT = 3800;
const GATEWAY = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MACHINE_POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const row = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let failures = 0;

const reads = [
  '/explore/api/home',
  '/explore/api/products',
  '/explore/api/products?category=classic',
  '/explore/api/stores',
  '/explore/api/stores/store-c',
  '/explore/api/recommendations?skus=CL-01-GR',
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

async function orderLoad(label: string, databaseUrl: string | undefined, port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-checkout-server.ts'], {
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
    const result = await autocannon({
      url: `${origin}/checkout/api/orders`,
      connections: 50,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'c_cart=CL-01-GR_1' },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              firstName: 'Bench',
              lastName: 'Mark',
              storeId: 'store-c',
              idempotencyKey: crypto.randomUUID(),
            }),
          }),
        },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    failures += errors;
    const memory = await (await fetch(`${origin}/metrics`)).text();
    const rss = Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\S+)$/m.exec(memory)?.[1] ?? NaN);
    row(
      `POST /checkout/api/orders (${label})`,
      `${Math.round(result.requests.average)} orders/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result['2xx']} placed, errors ${errors}, memory ${mb(rss)}`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

/** A new, empty database on the machine's PostgreSQL, dropped afterwards; undefined when none answers. */
async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: MACHINE_POSTGRES, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tractor_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(MACHINE_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function memoryOfServices() {
  console.log('\nMemory of each service after the run');
  for (const name of ['explore', 'decide', 'checkout']) {
    const text = await (await fetch(`http://127.0.0.1:${PORT + team(name).portOffset}/metrics`)).text();
    const value = (metric: string) =>
      Number(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    row(
      name,
      `resident ${mb(value('process_resident_memory_bytes'))}, JS heap ${mb(value('nodejs_heap_size_used_bytes'))}, ` +
        `PGlite and buffers ${mb(value('nodejs_external_memory_bytes'))}`,
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
  await orderLoad('PGlite', undefined, PORT + 60);
  const postgres = await scratchPostgres();
  if (postgres) {
    try {
      await orderLoad('PostgreSQL', postgres.url, PORT + 61);
    } finally {
      await postgres.drop();
    }
  } else {
    row('POST /checkout/api/orders (PostgreSQL)', `skipped: nothing answers at ${MACHINE_POSTGRES}`);
  }
  await memoryOfServices();
} finally {
  store.kill('SIGINT');
}
if (failures > 0) {
  console.error(`\n${failures} requests failed: that is a bug, not a slow machine.`);
  process.exitCode = 1;
}
