// `npm run bench:prod`: the production topology (nginx HTTPS + HTTP/2, two replicas of everything, PostgreSQL)
// next to the embedded store (`npm start`: the Node gateway over HTTP/1.1, one process per service, PGlite), in
// one run on this machine:
//  - read endpoints, 50 connections for 10 s each: req/s, p50/p99, errors;
//  - place-order, 50 connections for 10 s: p50/p99 (PostgreSQL vs PGlite);
//  - the home page's LCP over HTTP/2 (the edge) vs HTTP/1.1 (the Node gateway), plain and throttled.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { loadPage, median, orderLoad, startStore } from './lib.js';
import { prodPorts } from '../prod/ports.js';
import { repoRoot } from '../stack.js';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the edge's certificate is self-signed
// One address plays many shoppers here: the per-client write limits (edge and gateway) would refuse them.
process.env.ORDERS_PER_MINUTE = '1000000';
process.env.CART_WRITES_PER_10S = '1000000';
const EMBEDDED = 3300;
const PROD = 8743;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const row = (label: string, value: string) => console.log(`  ${label.padEnd(62)} ${value}`);

async function startProd(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/prod/start-prod.ts', '--port', String(PROD), '--data-dir', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is open at') && resolve());
    child.once('exit', () => reject(new Error('the production topology did not start')));
  });
  return child;
}

async function reads(origin: string, label: string) {
  for (const url of [
    '/explore/api/products',
    '/decide/api/products/CL-01',
    '/inspire/api/recommendations?skus=CL-01-GR',
  ]) {
    const result = await autocannon({ url: origin + url, connections: 50, duration: 10 });
    row(
      `${label} GET ${url}`,
      `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.non2xx + result.errors}`,
    );
  }
}

async function orders(origin: string, label: string) {
  const result = await orderLoad(origin);
  row(
    `${label} POST /checkout/api/orders`,
    `${Math.round(result.requests.average)} orders/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result['2xx']} placed, ${result.non2xx} refused, ${result.errors} errors`,
  );
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-prod-'));
const embedded = await startStore(repoRoot, EMBEDDED);
const prod = await startProd(dataDir);
try {
  // Deep stock on both, so orders are placed, not refused.
  const credentials = JSON.parse(readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as Record<
    string,
    string
  >;
  const checkoutDb = new pg.Client({
    connectionString: `postgres://tractor_checkout:${encodeURIComponent(credentials.checkout!)}@127.0.0.1:${prodPorts(PROD, 2).postgres}/tractor_checkout`,
  });
  await checkoutDb.connect();
  await checkoutDb.query('UPDATE variant SET stock = 10000000');
  await checkoutDb.end();

  console.log('\nRead endpoints (50 connections, 10 s each; the load generator on the same 2 cores)');
  await reads(`http://127.0.0.1:${EMBEDDED}`, 'embedded (Node gateway, 1 process each, PGlite)');
  await reads(`https://localhost:${PROD}`, 'production (nginx, 2 replicas each, PostgreSQL)');
  console.log('\nPlace order (50 connections, 10 s)');
  await orders(`https://localhost:${PROD}`, 'production (PostgreSQL)');
  await orders(`http://127.0.0.1:${EMBEDDED}`, 'embedded (PGlite; stock runs out: refusals are answers)');

  console.log(`\nHome page LCP (medians of ${RUNS} cold loads, interleaved)`);
  const browser = await chromium.launch({ ...chromiumLaunchOptions });
  try {
    for (const throttled of [false, true]) {
      const h1: number[] = [];
      const h2: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        h1.push((await loadPage(browser, `http://localhost:${EMBEDDED}/`, throttled)).lcp);
        h2.push(
          (await loadPage(browser, `https://localhost:${PROD}/`, throttled, { ignoreHTTPSErrors: true })).lcp,
        );
      }
      row(
        `${throttled ? 'throttled' : 'plain'}: HTTP/1.1 (Node gateway) → HTTP/2 (nginx)`,
        `${median(h1).toFixed(0)} ms → ${median(h2).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
} finally {
  embedded.kill('SIGTERM');
  prod.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 3000));
  rmSync(dataDir, { recursive: true, force: true });
}
