// `npm run bench` (page-load section), or alone: `node --import tsx scripts/bench-pages.ts [--baseline <commit>]`.
// The same cold page loads (new context, cache off) of `/`, `/products` and `/product/CL-01` against this tree
// and a baseline commit (default ea5edab, the last client-rendered store), each served by its own `npm start
// --fresh` on its own port, interleaved run by run so both see the same machine. Plain and throttled (4× CPU,
// 40 ms latency, 10 Mbit/s). Prints medians of LCP, FCP, CLS, TBT and JS bytes, and now/baseline ratios.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { repoRoot } from './stack.js';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string', default: process.env.BENCH_BASELINE ?? 'ea5edab' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    pages: { type: 'string', default: '/,/products,/product/CL-01' },
  },
});
const RUNS = Number(args.runs);
const PAGES = args.pages.split(',');

interface Metrics {
  lcp: number;
  fcp: number;
  cls: number;
  tbt: number;
  js: number;
}

/** The baseline commit checked out beside the project (.bench/<commit>), installed once. */
function baselineTree(commit: string): string {
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

async function startStore(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--fresh'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is open at') && resolve());
    child.once('exit', () => reject(new Error(`the store in ${dir} did not start`)));
  });
  return child;
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

async function load(browser: Browser, url: string, throttled: boolean): Promise<Metrics> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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
  const pending = new Set<string>();
  page.on('request', (r) => pending.add(r.url()));
  page.on('requestfinished', (r) => pending.delete(r.url()));
  page.on('requestfailed', (r) => pending.delete(r.url()));
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch((error: Error) => {
    throw new Error(
      `${url} did not load (${throttled ? 'throttled' : 'plain'}); pending: ${[...pending].join(' ')}`,
      {
        cause: error,
      },
    );
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(throttled ? 600 : 300);
  const vitals = await page.evaluate(
    () =>
      (
        window as unknown as {
          __bench: {
            lcp: number;
            fcp: number;
            cls: number;
            longTasks: { start: number; duration: number }[];
          };
        }
      ).__bench,
  );
  await context.close();
  // Total blocking time: every long task's time beyond 50 ms, from the first contentful paint on.
  const tbt = vitals.longTasks
    .filter((t) => t.start + t.duration > vitals.fcp)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return { lcp: vitals.lcp, fcp: vitals.fcp, cls: vitals.cls, tbt, js };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const stores = { baseline: 3500, now: 3300 } as const;
const baselineDir = baselineTree(args.baseline);
console.log(`\nPage loads: this tree vs ${args.baseline} (medians of ${RUNS} cold loads each, interleaved)`);
const running = [await startStore(baselineDir, stores.baseline), await startStore(repoRoot, stores.now)];
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const origin of Object.values(stores)) await load(browser, `http://localhost:${origin}/`, false); // warm up
  for (const throttled of [false, true]) {
    console.log(`\n  ${throttled ? 'throttled (4× CPU, 40 ms, 10 Mbit/s)' : 'plain'}`);
    console.log(
      `  ${'page'.padEnd(16)} ${'LCP base → now'.padEnd(22)} ${'ratio'.padEnd(6)} ${'FCP base → now'.padEnd(18)} ${'CLS'.padEnd(13)} ${'TBT'.padEnd(12)} JS KB`,
    );
    for (const pagePath of PAGES) {
      const results: Record<keyof typeof stores, Metrics[]> = { baseline: [], now: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const [name, port] of Object.entries(stores) as [keyof typeof stores, number][]) {
          results[name].push(await load(browser, `http://localhost:${port}${pagePath}`, throttled));
        }
      }
      const m = (name: keyof typeof stores, key: keyof Metrics) => median(results[name].map((r) => r[key]));
      const pair = (key: keyof Metrics, digits = 0, scale = 1) =>
        `${(m('baseline', key) / scale).toFixed(digits)} → ${(m('now', key) / scale).toFixed(digits)}`;
      console.log(
        `  ${pagePath.padEnd(16)} ${pair('lcp').padEnd(22)} ${(m('now', 'lcp') / m('baseline', 'lcp')).toFixed(2).padEnd(6)} ${pair('fcp').padEnd(18)} ${pair('cls', 3).padEnd(13)} ${pair('tbt').padEnd(12)} ${pair('js', 1, 1024)}`,
      );
    }
  }
} finally {
  await browser.close();
  for (const child of running) child.kill('SIGTERM');
}
