// One team ships without the others: a changed Decide build is deployed to the running store while pages are
// open and a load generator fetches pages and bundles; a new page load gets it, the open page keeps working,
// no request fails, and a rollback brings the old build back — its server render too, with no restart.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labelledBuild } from '../../scripts/stack.js';
import { STORE_PORT } from '../ports.js';
import { expect, npmRun, STORE_PAGES, test, unrenderedParts } from './fixtures.js';

// The tests here change and compare the store's live map: one at a time.
test.describe.configure({ mode: 'serial' });

const repoRoot = path.join(import.meta.dirname, '../..');
const STORE = `http://127.0.0.1:${STORE_PORT}`;
const DECIDE_PAGE = '#single-spa-application\\:\\@tractor\\/decide\\/product';

/** Each page's first view as the server sends it: what of it was left to the browser (none, when all is well). */
async function unrenderedPages(): Promise<Record<string, string[]>> {
  const pages: Record<string, string[]> = {};
  for (const [url] of STORE_PAGES) {
    const missing = unrenderedParts(await (await fetch(new URL(url, STORE))).text());
    if (missing.length) pages[url] = missing;
  }
  return pages;
}

interface Load {
  stop(): Promise<{ sent: number; failed: string[] }>;
}

/** Fetches the page, the live map and every module it names, over and over, from a few clients at once. */
function generateLoad(): Load {
  let running = true;
  let sent = 0;
  const failed: string[] = [];
  const get = async (url: string) => {
    sent++;
    try {
      const response = await fetch(new URL(url, STORE));
      await response.arrayBuffer();
      if (!response.ok) failed.push(`${url}: ${response.status}`);
    } catch (error) {
      failed.push(`${url}: ${(error as Error).message}`);
    }
  };
  const client = async () => {
    while (running) {
      await get('/product/CL-01');
      const map = await fetch(new URL('/importmap.json', STORE)).then(
        (r) => r.json() as Promise<{ imports: Record<string, string> }>,
      );
      sent++;
      await Promise.all(
        Object.entries(map.imports)
          .filter(([name]) => name.startsWith('@tractor/'))
          .map(([, url]) => get(url)),
      );
    }
  };
  const clients = Array.from({ length: 4 }, client);
  return {
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return { sent, failed };
    },
  };
}

test('a changed Decide build goes live on the next page load; open pages keep working; rollback', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const label = `e2e-${Date.now().toString(36)}`;
  // A changed build of Decide, as its CI would make it: labelled, so its page says which build it is.
  const manifest = labelledBuild('decide', label);
  const { dist } = manifest;
  try {
    // A shopper's page, open before the deploy, on the old build.
    await page.goto('/product/CL-01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(page.locator(DECIDE_PAGE)).not.toHaveAttribute('data-build-label');

    const load = generateLoad();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const output = npmRun('deploy', 'decide', '--dist', dist);
    expect(output).toContain(`build ${manifest.build}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { sent, failed } = await load.stop();
    expect(failed, 'requests that failed during the deploy').toEqual([]);
    expect(sent).toBeGreaterThan(40);

    // A new page load gets the new build; no rebuild of the root config, no restart.
    const fresh = await browser.newPage();
    const decideModules: string[] = [];
    fresh.on('request', (r) => r.url().includes('/assets/decide/') && decideModules.push(r.url()));
    await fresh.goto('/product/CL-01');
    await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(fresh.locator(DECIDE_PAGE)).toHaveAttribute('data-build-label', label);
    expect(decideModules.every((url) => url.includes(`/assets/decide/${manifest.build}/`))).toBe(true);
    // …and its server render: the service renders with the new build, with no restart.
    expect(await unrenderedPages(), 'left to the browser after the deploy').toEqual({});

    // The page opened before the deploy keeps working on the build it loaded.
    await page.getByRole('link', { name: 'Stormy Sky' }).click();
    await expect(page.locator('checkout-add-to-cart')).toContainText('6200 Ø');
    await expect(page.locator(DECIDE_PAGE)).not.toHaveAttribute('data-build-label');

    expect(npmRun('versions')).toMatch(new RegExp(`decide\\s+\\S+\\.${label}\\s+build ${manifest.build}`));
    npmRun('rollback', 'decide');
    await fresh.reload();
    await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(fresh.locator(DECIDE_PAGE)).not.toHaveAttribute('data-build-label');
    expect(await unrenderedPages(), 'left to the browser after the rollback').toEqual({});
    await fresh.close();
  } finally {
    manifest.remove();
  }
});

test('a candidate offered for preview: one browser gets it, server render included; others and forged cookies do not', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const label = `preview-${Date.now().toString(36)}`;
  const changed = labelledBuild('decide', label);
  const { dist, build: candidate } = changed;
  try {
    const started = Date.now();
    const output = npmRun(
      'deploy',
      'decide',
      '--dist',
      dist,
      '--preview',
      '--store',
      `http://localhost:${STORE_PORT}`,
    );
    const link = output.trim().split('\n').at(-1)!;
    expect(link).toMatch(
      new RegExp(`^http://localhost:${STORE_PORT}/importmap/preview/decide\\.${candidate}\\.`),
    );
    expect(output).toContain('Nothing live changed');

    // The team's browser follows the link: its pages use the candidate, server render included.
    await page.goto(link);
    await expect(page).toHaveURL(`http://localhost:${STORE_PORT}/`);
    const previewed = await page.goto('/product/CL-01');
    console.log(`preview: from --preview to a page on the candidate in ${Date.now() - started} ms`);
    expect(previewed!.headers()['tractor-preview']).toBe(`decide=${candidate}`);
    const html = await previewed!.text();
    expect(unrenderedParts(html)).toEqual([]);
    expect(html).toContain(`/assets/decide/${candidate}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(page.locator(DECIDE_PAGE)).toHaveAttribute('data-build-label', label);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tractor-preview-decide')!;
    expect(cookie.httpOnly).toBe(true);

    // Any other shopper: the live build.
    const shopper = await browser.newPage();
    const live = await shopper.goto('/product/CL-01');
    expect(await live!.text()).not.toContain(candidate);
    await expect(shopper.locator(DECIDE_PAGE)).not.toHaveAttribute('data-build-label');

    // A forged cookie (the candidate's name with another signature) is ignored.
    await shopper.context().addCookies([{ ...cookie, value: `${cookie.value.slice(0, -4)}AAAA` }]);
    const forged = await shopper.goto('/product/CL-01');
    expect(forged!.headers()['tractor-preview']).toBeUndefined();
    expect(await forged!.text()).not.toContain(candidate);
    await shopper.close();

    // Leaving the preview: the live build again.
    await page.goto('/importmap/preview-end/decide');
    await page.goto('/product/CL-01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(page.locator(DECIDE_PAGE)).not.toHaveAttribute('data-build-label');
  } finally {
    changed.remove();
  }
});

test('a deploy the store cannot verify is refused with a clear message, and nothing changes', async ({
  request,
}) => {
  const before = await (await request.get('/importmap.json')).text();
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'deploy', '--', 'decide', '--port', String(STORE_PORT), '--dist', '/nonexistent'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('has no manifest.json');
  const wrongToken = spawnSync(
    'npm',
    ['run', '--silent', 'rollback', '--', 'decide', '--port', String(STORE_PORT)],
    {
      cwd: repoRoot,
      env: { ...process.env, DEPLOY_TOKEN: 'not-a-token' },
      encoding: 'utf8',
    },
  );
  expect(wrongToken.status).not.toBe(0);
  expect(wrongToken.stderr).toContain('Authorization: Bearer');
  expect(await (await request.get('/importmap.json')).text()).toBe(before);
});

test('the gate: a team’s CI asks before it publishes; a build that drops what a live build uses is refused', () => {
  const asIs = npmRun('deploy', 'decide', '--check', '--no-build');
  expect(asIs).toContain('passes the gate');

  // The same build, as if its code placed an element no live Explore build defines.
  const dist = mkdtempSync(path.join(os.tmpdir(), 'decide-gate-'));
  try {
    cpSync(path.join(repoRoot, 'microfrontends/decide/dist'), dist, { recursive: true });
    const manifestFile = path.join(dist, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      surface: { uses: { elements: string[] } };
    };
    manifest.surface.uses.elements.push('explore-wishlist');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const refused = spawnSync(
      'npm',
      ['run', '--silent', 'deploy', '--', 'decide', '--check', '--dist', dist, '--port', String(STORE_PORT)],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /decide build \w+ places <explore-wishlist>, which explore build \w+ does not define.*\(409\)/,
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
