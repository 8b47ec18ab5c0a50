// Page-load measurement shared by the benchmarks: a cold load (new context, cache off), plain or throttled
// (4× CPU, 40 ms latency, 10 Mbit/s), and what the page reports: LCP, FCP, CLS, TBT and the JavaScript it loaded.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Request } from '@playwright/test';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot } from '../stack.js';

export interface Metrics {
  lcp: number;
  fcp: number;
  cls: number;
  tbt: number;
  js: number;
  /** Compressed bytes of the scripts requested before the load event (what competes with the first view). */
  jsBeforeLoad: number;
}

/** The baseline commit checked out beside the project (.bench/<commit>), installed once. */
export function baselineTree(commit: string): string {
  const dir = path.join(repoRoot, '.bench', commit);
  if (!existsSync(dir)) {
    const added = spawnSync('git', ['worktree', 'add', '--detach', dir, commit], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (added.status !== 0) throw new Error(`cannot check out ${commit}`);
  }
  if (!existsSync(path.join(dir, 'node_modules'))) {
    console.log(`installing ${commit}'s packages …`);
    const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (installed.status !== 0) throw new Error(`npm ci failed in ${dir}`);
  }
  return dir;
}

/** Where a benchmark's store on this port writes its output (its services' warnings and errors). */
export const storeLog = (port: number) => path.join(os.tmpdir(), `tractor-bench-store-${port}.log`);

export async function startStore(dir: string, port: number): Promise<ChildProcess> {
  const log = createWriteStream(storeLog(port));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--fresh'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is open at') && resolve());
    child.once('exit', () =>
      reject(new Error(`the store in ${dir} did not start (its output: ${storeLog(port)})`)),
    );
  });
  return child;
}

/** Busy share of the machine's CPUs over one interval (0 idle … 1 every core busy). */
async function busyShare(ms: number): Promise<number> {
  const sample = () =>
    os.cpus().reduce(
      (sum, cpu) => {
        const total = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { idle: sum.idle + cpu.times.idle, total: sum.total + total };
      },
      { idle: 0, total: 0 },
    );
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
}

/**
 * Waits until the machine is quiet (under 15 % busy for two seconds running, at most 60 s): a store just started
 * keeps its cores busy for a while (PGlite, warm-up renders), and loads measured then are 2–3× slower.
 */
export async function settle(limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  let quiet = 0;
  while (quiet < 2 && Date.now() < until) quiet = (await busyShare(1000)) < 0.15 ? quiet + 1 : 0;
  if (quiet < 2) console.log(`  (the machine is still busy after ${limitMs / 1000} s; measuring anyway)`);
}

/** Observers the page runs from its first script: LCP, FCP, CLS and long tasks. */
function observe() {
  const vitals = { lcp: 0, fcp: 0, cls: 0, longTasks: [] as { start: number; duration: number }[] };
  (window as unknown as { __bench: typeof vitals }).__bench = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') vitals.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      if (!entry.hadRecentInput) vitals.cls += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      vitals.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export async function loadPage(
  browser: Browser,
  url: string,
  throttled: boolean,
  contextOptions: { ignoreHTTPSErrors?: boolean } = {},
): Promise<Metrics> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10 * 1024 * 1024) / 8,
      uploadThroughput: (10 * 1024 * 1024) / 8,
    });
  }
  let js = 0;
  const scripts = new Set<string>();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId)) js += e.encodedDataLength;
  });
  await page.addInitScript(observe);
  const pending = new Set<Request>();
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  const stuck = (what: string) => (error: Error) => {
    throw new Error(
      `${url} ${what} (${throttled ? 'throttled' : 'plain'}); pending: ${[...pending].map((r) => `${r.method()} ${r.url()}`).join(' ') || 'nothing'}; the store's output: ${storeLog(Number(new URL(url).port))}`,
      { cause: error },
    );
  };
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(stuck('did not load'));
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(stuck('never went quiet'));
  await page.waitForTimeout(throttled ? 600 : 300);
  const vitals = await page.evaluate(() => {
    const bench = (
      window as unknown as {
        __bench: {
          lcp: number;
          fcp: number;
          cls: number;
          longTasks: { start: number; duration: number }[];
        };
      }
    ).__bench;
    const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .loadEventStart;
    const jsBeforeLoad = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\.js(\?|$)/.test(r.name) && r.startTime < load)
      .reduce((sum, r) => sum + r.encodedBodySize, 0);
    return { ...bench, jsBeforeLoad };
  });
  await context.close();
  // Total blocking time: every long task's time beyond 50 ms, from the first contentful paint on.
  const tbt = vitals.longTasks
    .filter((t) => t.start + t.duration > vitals.fcp)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return { lcp: vitals.lcp, fcp: vitals.fcp, cls: vitals.cls, tbt, js, jsBeforeLoad: vitals.jsBeforeLoad };
}

/** The q-quantile of sorted values, interpolated between neighbours. */
export const quantile = (sorted: readonly number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A fresh database on the PostgreSQL at BENCH_DATABASE_URL, or undefined when none answers. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tractor_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The memory figures a service reports on /metrics (prom-client's defaults): resident, JS heap, external (PGlite's heap). */
export async function serviceMemory(origin: string) {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rss: value('process_resident_memory_bytes'),
    heap: value('nodejs_heap_size_used_bytes'),
    external: value('nodejs_external_memory_bytes'),
  };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A new order's body (its own idempotency key): the cart comes from the request's cookie. */
export const orderBody = () =>
  JSON.stringify({
    firstName: 'Bench',
    lastName: 'Mark',
    storeId: 'store-c',
    idempotencyKey: crypto.randomUUID(),
  });

/**
 * The order load: 50 connections placing one-line orders. `basket: 'mixed'` (the default) orders a variant drawn
 * from the whole range, as a shop's orders come; `'one-sku'` orders CL-01-GR every time — a flash sale, where
 * every order waits for the one stock row the one before has locked until its commit.
 */
export function orderLoad(origin: string, seconds = 10, basket: 'mixed' | 'one-sku' = 'mixed') {
  const skus = basket === 'one-sku' ? ['CL-01-GR'] : BENCH_SKUS;
  return autocannon({
    url: `${origin}/checkout/api/orders`,
    connections: 50,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: {
            ...request.headers,
            cookie: `c_cart=${skus[Math.floor(Math.random() * skus.length)]}_1`,
          },
          body: orderBody(),
        }),
      },
    ],
  });
}

/** Variants the order load draws from: every product's, two colours of most. */
const BENCH_SKUS = [
  'AU-01-SI',
  'AU-02-OG',
  'AU-02-GG',
  'AU-03-TQ',
  'AU-03-PL',
  'AU-03-RD',
  'AU-03-YE',
  'AU-04-RD',
  'AU-04-BK',
  'AU-05-ZH',
  'AU-06-CZ',
  'AU-06-MT',
  'AU-07-MT',
  'AU-07-YE',
  'AU-08-WH',
  'CL-01-GR',
  'CL-01-GY',
  'CL-02-BL',
  'CL-03-GR',
  'CL-03-PI',
  'CL-03-YE',
  'CL-04-BL',
  'CL-04-RD',
  'CL-05-PT',
  'CL-05-RD',
  'CL-06-MT',
  'CL-06-YE',
  'CL-07-GR',
  'CL-07-YE',
  'CL-08-GR',
  'CL-08-PI',
  'CL-09-BL',
  'CL-09-GR',
  'CL-10-SD',
  'CL-10-VI',
  'CL-11-YE',
  'CL-12-BL',
  'CL-12-RD',
  'CL-13-BL',
  'CL-13-RD',
  'CL-14-GR',
  'CL-14-RD',
  'CL-15-SD',
];
