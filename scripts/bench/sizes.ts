// `npm run bench`: the speed and size figures of DESIGN §9, measured, never asserted.
//  - gzip size of every bundle and shared dependency as built;
//  - the home page in Chromium (production build, fresh stack): JS shipped (gz), LCP and CLS, unthrottled
//    and with 4× CPU + 40 ms latency throttling (medians);
//  - a client-side page change (header "Machines" → category content);
//  - a team service's cold start: new database (initdb + migrations + seed) and reopened database.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { readVitals, recordVitals } from '../../e2e/web-vitals.js';
import { orderBody, orderLoad, startStore } from './lib.js';
import { repoRoot, teamServices } from '../stack.js';

const PORT = 3300;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = `http://localhost:${PORT}`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(50)} ${value}`);

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name));
}

function bundleSizes() {
  console.log('\nBundles (gzip -9, as built)');
  for (const { team, microfrontendDir } of teamServices) {
    for (const file of jsFiles(path.join(repoRoot, microfrontendDir, 'dist'))) {
      row(`${team}: ${path.basename(file)}`, kb(gz(file)));
    }
  }
  const dist = path.join(repoRoot, 'root-config/dist');
  for (const file of jsFiles(dist).filter((f) => !f.includes(`${path.sep}npm${path.sep}`))) {
    row(`root config: ${path.relative(dist, file)}`, kb(gz(file)));
  }
  // The field signals: loaded after the page's load event, in the page views the sample rate picks.
  const signals = jsFiles(dist).find((f) => path.basename(f).startsWith('tractor-root-config-signals.'));
  const webVitals = jsFiles(path.join(dist, 'shared/npm')).find((f) =>
    f.endsWith('web-vitals.attribution.js'),
  );
  if (signals && webVitals) {
    row('field signals: our module + web-vitals (after load)', `${kb(gz(signals))} + ${kb(gz(webVitals))}`);
  }
  const npmDir = path.join(dist, 'shared/npm');
  for (const pkg of readdirSync(npmDir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isDirectory() && e.name.includes('@') && !e.name.startsWith('@'),
  )) {
    const files = jsFiles(path.join(pkg.parentPath, pkg.name));
    row(
      `${path.relative(npmDir, path.join(pkg.parentPath, pkg.name))} (${files.length} files, all)`,
      kb(files.reduce((s, f) => s + gz(f), 0)),
    );
  }
}

/** The store on PORT, fresh databases (lib.ts's startStore). */
const startStack = () => startStore(repoRoot, PORT);

interface Load {
  js: number;
  jsFiles: number;
  lcp: number;
  cls: number;
}

async function loadHome(browser: Browser, throttled: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
    }
  });
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  await page.addInitScript(recordVitals);
  await page.goto(BASE);
  await page.getByRole('region', { name: 'Recommendations' }).getByRole('link').nth(3).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const { lcp, cls } = await readVitals(page);
  const sizes = await Promise.all(scripts);
  await context.close();
  return { js: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length, lcp, cls };
}

/** The first view is server-rendered: a click before the client has started would load the next page anew. */
const clientStarted = (page: Page) =>
  page.waitForFunction(() => 'singleSpaNavigate' in window && document.readyState === 'complete');

async function pageChange(page: Page): Promise<number> {
  await page.goto(BASE);
  await page.getByRole('link', { name: 'Classic Tractors' }).waitFor();
  await clientStarted(page);
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate<number>(`new Promise((resolve) => {
    const link = document.querySelector('explore-header').shadowRoot.querySelector('a[href="/products"]');
    const started = performance.now();
    link.click();
    (function check() {
      const lead = document.querySelector('explore-category-page')?.shadowRoot?.querySelector('.lead');
      if (lead && /\\d+ products/.test(lead.textContent)) resolve(performance.now() - started);
      else requestAnimationFrame(check);
    })();
  })`);
}

/** From a click on a product tile to the product's heading on screen (Decide's page, loaded on demand). */
async function tileToProduct(page: Page): Promise<number> {
  await page.goto(`${BASE}/products`);
  await page.getByText('23 products').waitFor();
  await clientStarted(page);
  return page.evaluate<number>(`new Promise((resolve) => {
    const tile = document.querySelector('explore-category-page').shadowRoot.querySelector('a[href="/product/CL-01"]');
    const started = performance.now();
    tile.click();
    (function check() {
      const heading = document.querySelector('decide-product-page')?.shadowRoot?.querySelector('h1');
      if (heading && heading.textContent === 'Heritage Workhorse') resolve(performance.now() - started);
      else requestAnimationFrame(check);
    })();
  })`);
}

async function productCls(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordVitals);
  await page.goto(`${BASE}/product/CL-01`);
  await page.locator('decide-product-page inspire-recommendations').getByRole('link').nth(3).waitFor();
  await page.waitForLoadState('networkidle');
  const { cls } = await readVitals(page);
  await context.close();
  return cls;
}

async function serviceStart(team: string, dataDir: string): Promise<number> {
  const port = PORT + 50;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: path.join(repoRoot, 'services', team),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const elapsed = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return elapsed;
}

async function waitForHealth(url: string) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Place order under load: 50 clients for 10 s, each order new (its own idempotency key), through the whole
 *  transaction and Checkout's call to Explore. Then 100 concurrent orders for a SKU with 3 in stock. */
async function placeOrderLoad() {
  const port = PORT + 60;
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/checkout-server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), EXPLORE_URL: `http://127.0.0.1:${PORT + 1}` },
    stdio: 'ignore',
  });
  try {
    await waitForHealth(`${origin}/health`);
    const result = await orderLoad(origin);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${origin}/checkout/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: 'c_cart=AU-02-BL_1' },
          body: orderBody(),
        }).then((r) => r.status),
      ),
    );
    console.log('\nPlace order (Checkout service on PGlite, 50 concurrent clients, 10 s)');
    row('latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`);
    row(
      'throughput',
      `${Math.round(result.requests.average)} orders/s (${result['2xx']} placed, ${result.non2xx} refused)`,
    );
    row(
      '100 concurrent orders, 3 in stock',
      `${statuses.filter((s) => s === 201).length} placed, ${statuses.filter((s) => s === 409).length} refused with 409`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

const stack = await startStack();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  bundleSizes();
  await loadHome(browser, false); // warm the services and the OS caches once
  const plain: Load[] = [];
  const slow: Load[] = [];
  for (let i = 0; i < RUNS; i++) plain.push(await loadHome(browser, false));
  for (let i = 0; i < RUNS; i++) slow.push(await loadHome(browser, true));
  const context = await browser.newContext();
  const page = await context.newPage();
  const changes: number[] = [];
  for (let i = 0; i < RUNS; i++) changes.push(await pageChange(page));
  const toProduct: number[] = [];
  for (let i = 0; i < 10; i++) {
    // A new context each time: Decide's module is loaded on the click, as for a shopper's first product.
    const fresh = await browser.newContext();
    toProduct.push(await tileToProduct(await fresh.newPage()));
    await fresh.close();
  }
  const productShifts: number[] = [];
  for (let i = 0; i < RUNS; i++) productShifts.push(await productCls(browser));
  await context.close();

  console.log(`\nHome page in Chromium (medians of ${RUNS} cold loads; budgets from DESIGN §9)`);
  row(
    'JavaScript shipped, gzip (budget 45 KB)',
    `${kb(median(plain.map((l) => l.js)))} in ${plain[0]!.jsFiles} files`,
  );
  row('LCP unthrottled (budget 450 ms)', `${median(plain.map((l) => l.lcp)).toFixed(0)} ms`);
  row('LCP 4× CPU + 40 ms latency (budget 900 ms)', `${median(slow.map((l) => l.lcp)).toFixed(0)} ms`);
  row('CLS (budget 0)', median(plain.map((l) => l.cls)).toFixed(4));
  row('Client-side page change to content (50 ms)', `${median(changes).toFixed(0)} ms`);
  console.log('\nProduct page (Decide)');
  row('tile click → product content (median of 10)', `${median(toProduct).toFixed(0)} ms`);
  row(`CLS on /product/CL-01 (median of ${RUNS})`, median(productShifts).toFixed(4));

  await placeOrderLoad();

  console.log('\nService start to healthy (medians of 3, includes Node + tsx start)');
  for (const { team } of teamServices) {
    const fresh: number[] = [];
    const reopen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
      fresh.push(await serviceStart(team, dir));
      reopen.push(await serviceStart(team, dir));
      rmSync(dir, { recursive: true, force: true });
    }
    row(`${team}: new database (initdb, migrate, seed)`, `${median(fresh).toFixed(0)} ms`);
    row(`${team}: existing database`, `${median(reopen).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  stack.kill('SIGTERM');
}
