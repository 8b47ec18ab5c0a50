// `npm run bench` (page-load section), or alone: `node --import tsx scripts/bench/pages.ts [--baseline <commit>]`.
// The same cold page loads (new context, cache off) of `/`, `/products` and `/product/CL-01` against this tree
// and a baseline commit (default ea5edab, the last client-rendered store), each served by its own `npm start
// --fresh` on its own port, interleaved run by run so both see the same machine. Plain and throttled (4× CPU,
// 40 ms latency, 10 Mbit/s). Prints medians of LCP, FCP, CLS, TBT and JS bytes (all, and before the load event), and now/baseline ratios with the
// spread of the ratio between the loads of one pair (its interquartile range): what one run can tell apart.
// --deploy <team>: first ship a changed build of that team to both running stores (npm run deploy, no restart),
// so the loads measure the store as a shopper finds it after a team's release.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { baselineTree, loadPage, median, quantile, settle, startStore, type Metrics } from './lib.js';
import { labelledBuild, repoRoot } from '../stack.js';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string', default: process.env.BENCH_BASELINE ?? 'ea5edab' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    pages: { type: 'string', default: '/,/products,/product/CL-01' },
    deploy: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const PAGES = args.pages.split(',');

const stores = { baseline: 3500, now: 3300 } as const;
const baselineDir = baselineTree(args.baseline);
console.log(`\nPage loads: this tree vs ${args.baseline} (medians of ${RUNS} cold loads each, interleaved)`);
const running = [await startStore(baselineDir, stores.baseline), await startStore(repoRoot, stores.now)];
/** Builds a changed (labelled) build of `team` in `dir`'s tree and deploys it to that tree's store on `port`. */
function shipChangedBuild(dir: string, port: number, team: string) {
  const changed = labelledBuild(team, 'bench', dir);
  try {
    const said = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/deploy.ts', team, '--dist', changed.dist, '--port', String(port)],
      { cwd: dir, encoding: 'utf8' },
    );
    if (said.status !== 0) throw new Error(`the deploy in ${dir} failed: ${said.stderr}`);
    console.log(`  ${path.basename(dir)}: ${said.stdout.trim()}`);
  } finally {
    changed.remove();
  }
}
if (args.deploy) {
  console.log(`\nAfter a deploy of ${args.deploy} to each running store (no restart):`);
  shipChangedBuild(baselineDir, stores.baseline, args.deploy);
  shipChangedBuild(repoRoot, stores.now, args.deploy);
}
const browser = await chromium.launch(chromiumLaunchOptions);
/** Loads that did not finish and were measured again: a run with many says more about the machine than the page. */
const retried: string[] = [];
const load = async (url: string, throttled: boolean): Promise<Metrics> => {
  try {
    return await loadPage(browser, url, throttled);
  } catch (error) {
    retried.push(`${url} (${throttled ? 'throttled' : 'plain'}): ${(error as Error).message.split(';')[0]}`);
    return loadPage(browser, url, throttled);
  }
};
try {
  for (const origin of Object.values(stores)) await load(`http://localhost:${origin}/`, false); // warm up
  await settle();
  for (const throttled of [false, true]) {
    console.log(`\n  ${throttled ? 'throttled (4× CPU, 40 ms, 10 Mbit/s)' : 'plain'}`);
    console.log(
      `  ${'page'.padEnd(16)} ${'LCP base → now'.padEnd(22)} ${'ratio'.padEnd(6)} ${'pairs IQR'.padEnd(11)} ${'FCP base → now'.padEnd(18)} ${'CLS'.padEnd(13)} ${'TBT'.padEnd(12)} ${'JS KB'.padEnd(14)} JS KB before load`,
    );
    for (const pagePath of PAGES) {
      const results: Record<keyof typeof stores, Metrics[]> = { baseline: [], now: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const [name, port] of Object.entries(stores) as [keyof typeof stores, number][]) {
          results[name].push(await load(`http://localhost:${port}${pagePath}`, throttled));
        }
      }
      const m = (name: keyof typeof stores, key: keyof Metrics) => median(results[name].map((r) => r[key]));
      const pair = (key: keyof Metrics, digits = 0, scale = 1) =>
        `${(m('baseline', key) / scale).toFixed(digits)} → ${(m('now', key) / scale).toFixed(digits)}`;
      // How far one interleaved pair of loads can be from the median: the run's own noise, next to its ratio.
      const pairs = results.now.map((r, i) => r.lcp / results.baseline[i]!.lcp).sort((a, b) => a - b);
      const spread = `${quantile(pairs, 0.25).toFixed(2)}–${quantile(pairs, 0.75).toFixed(2)}`;
      console.log(
        `  ${pagePath.padEnd(16)} ${pair('lcp').padEnd(22)} ${(m('now', 'lcp') / m('baseline', 'lcp')).toFixed(2).padEnd(6)} ${spread.padEnd(11)} ${pair('fcp').padEnd(18)} ${pair('cls', 3).padEnd(13)} ${pair('tbt').padEnd(12)} ${pair('js', 1, 1024).padEnd(14)} ${pair('jsBeforeLoad', 1, 1024)}`,
      );
    }
  }
  if (retried.length)
    console.log(`\n  loads measured again after one did not finish:\n  ${retried.join('\n  ')}`);
} finally {
  await browser.close();
  for (const child of running) child.kill('SIGTERM');
}
