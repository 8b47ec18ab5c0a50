// `npm run bench` (second part): the developer loop, measured.
//  - from `npm run dev:<team>` to its standalone page showing content (cold: a new dev server each time);
//  - from saving a source file to the reloaded page showing content (live reload).
// Medians of 5. The saved change is a comment appended to a view and removed again afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { repoRoot } from '../stack.js';

const RUNS = 5;
const PORT = 9301;
const ORIGIN = `http://localhost:${PORT}`;
const VIEW = path.join(repoRoot, 'microfrontends/explore/src/views/stores-page.ts');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const row = (label: string, value: string) => console.log(`  ${label.padEnd(50)} ${value}`);

function devServer(): ChildProcess {
  return spawn('npm', ['start', '--silent', '-w', '@tractor/explore'], {
    cwd: repoRoot,
    env: { ...process.env, DEV_PORT: String(PORT), STORE_URL: 'http://127.0.0.1:9' },
    stdio: 'ignore',
    detached: true,
  });
}

async function stop(server: ChildProcess) {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((resolve) => server.once('exit', resolve));
}

const storesShown = (page: Page) =>
  page.getByRole('heading', { name: 'Our Stores' }).waitFor({ timeout: 120_000 });

const browser = await chromium.launch(chromiumLaunchOptions);
const original = readFileSync(VIEW, 'utf8');
try {
  const starts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const server = devServer();
    const page = await browser.newPage();
    for (;;) {
      try {
        await page.goto(`${ORIGIN}/stores`, { timeout: 2000 });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await storesShown(page);
    starts.push(performance.now() - started);
    await page.close();
    if (i < RUNS - 1) await stop(server);
    else {
      // The last server stays for the reload measurements.
      const reloads: number[] = [];
      const watched = await browser.newPage();
      await watched.goto(`${ORIGIN}/stores`);
      await storesShown(watched);
      for (let j = 0; j < RUNS; j++) {
        const reloaded = watched.waitForEvent('load', { timeout: 60_000 });
        const saved = performance.now();
        writeFileSync(VIEW, `${original}// bench ${j}\n`);
        await reloaded;
        await storesShown(watched);
        reloads.push(performance.now() - saved);
      }
      writeFileSync(VIEW, original);
      await stop(server);
      console.log(`\nDeveloper loop (explore's standalone page, medians of ${RUNS})`);
      row('npm run dev:explore → page showing content', `${(median(starts) / 1000).toFixed(1)} s`);
      row('saved change → reloaded page showing content', `${Math.round(median(reloads))} ms`);
    }
  }
} finally {
  writeFileSync(VIEW, original);
  await browser.close();
}
