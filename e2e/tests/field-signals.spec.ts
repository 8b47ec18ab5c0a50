// Field signals from real page views, read back from the gateway's /metrics as `npm run vitals` reads them:
// every team that drew something is counted under its live build; a slow click handler planted in Checkout's
// fragments raises INP for Checkout only; an error thrown by Decide's code counts under Decide and its build, one
// thrown inside Lit under the platform. The planted faults are test builds (TRACTOR_TEST_FAULT) deployed to the
// test store and rolled back; no live bundle holds them.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { labelledBuild } from '../../scripts/stack.js';
import { parsePrometheus, vitalsRows, type Series } from '../../scripts/vitals-report.js';
import { STORE_PORT } from '../ports.js';
import { expect, npmRun, test } from './fixtures.js';

// These deploy to the shared store: one at a time, after the other tests (playwright.config.ts).
test.describe.configure({ mode: 'serial' });

const repoRoot = path.join(import.meta.dirname, '../..');
const STORE = `http://127.0.0.1:${STORE_PORT}`;
const TEAMS = ['explore', 'decide', 'checkout', 'inspire'];

const metrics = async () => parsePrometheus(await (await fetch(`${STORE}/metrics`)).text());

/** The sum of a metric's series whose labels include `labels`. */
const total = (series: readonly Series[], name: string, labels: Record<string, string> = {}) =>
  series
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

async function liveBuilds(): Promise<Record<string, string>> {
  const map = (await (await fetch(`${STORE}/importmap.json`)).json()) as { imports: Record<string, string> };
  return Object.fromEntries(
    TEAMS.map((team) => [
      team,
      /\/assets\/[^/]+\/([0-9a-f]{12})\//.exec(map.imports[`@tractor/${team}`]!)![1]!,
    ]),
  );
}

/** The page's field signals have started (they load once the page has, when the browser is idle). */
async function fieldSignalsStarted(page: Page) {
  // They take over the early error catcher's list (root-config/src/index.html) when they start.
  await page.waitForFunction(() => {
    const errors = (window as { tractorErrors?: unknown }).tractorErrors;
    return errors !== undefined && !Array.isArray(errors);
  });
}

/** Until the page's field signals have taken a sample of `metric` (they announce each: the developer overlay's). */
async function sampleTaken(page: Page, metric: string) {
  await page.waitForFunction((wanted) => (window as { taken?: string[] }).taken?.includes(wanted), metric);
}

/** Notes the metric of every sample the page's field signals take, for sampleTaken. */
async function watchSamples(page: Page) {
  await page.addInitScript(() => {
    const taken: string[] = [];
    (window as { taken?: string[] }).taken = taken;
    addEventListener('platform:field-sample', (event) =>
      taken.push((event as CustomEvent<{ metric: string }>).detail.metric),
    );
  });
}

/** Leaves the page: it is hidden, and sends its beacon. */
async function leave(page: Page) {
  await page.goto('about:blank');
}

test('a journey: every team that drew something is counted under its live build, one beacon per page view at most', async ({
  page,
}) => {
  const builds = await liveBuilds();
  const before = await metrics();
  await page.goto('/products');
  await fieldSignalsStarted(page);
  // Whether Explore's part of the first view came from the server, as the page says.
  const facts = JSON.parse((await page.locator('#tractor-page').textContent())!) as { ssr: string[] };
  // Client-side navigations: to a product, to the basket, back (history).
  await page.getByRole('link', { name: /Heritage Workhorse/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await page.getByRole('button', { name: 'add to basket' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tractor was added' })).toBeVisible();
  await page.getByRole('link', { name: 'View in basket.' }).click();
  await expect(page.getByRole('heading', { name: 'Basket' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await leave(page);

  await expect
    .poll(
      async () =>
        total(await metrics(), 'tractor_rum_beacons_total') - total(before, 'tractor_rum_beacons_total'),
    )
    .toBeGreaterThan(0);
  const after = await metrics();
  const grew = (name: string, labels: Record<string, string>) =>
    total(after, name, labels) - total(before, name, labels);
  for (const team of TEAMS) {
    expect(
      grew('tractor_rum_page_views_total', { team, build: builds[team]! }),
      `${team}'s views`,
    ).toBeGreaterThan(0);
  }
  // Four page views (the machines, a product, the basket, the product again): Explore's header is on each, and one beacon at most.
  expect(grew('tractor_rum_page_views_total', { team: 'explore' })).toBe(4);
  expect(grew('tractor_rum_beacons_total', {})).toBeLessThanOrEqual(4);
  expect(
    grew('tractor_rum_page_views_total', { team: 'decide', route: '/product/:id', navigation: 'client' }),
  ).toBe(1);
  expect(
    grew('tractor_rum_page_views_total', {
      team: 'decide',
      route: '/product/:id',
      navigation: 'back-forward',
    }),
  ).toBe(1);
  // The first page's Web Vitals under its owner, server-rendered; the product page's own LCP from the route change.
  const first = { team: 'explore', build: builds.explore!, route: '/products', navigation: 'load' };
  expect(
    grew('tractor_rum_lcp_seconds_count', { ...first, ssr: String(facts.ssr.includes('explore')) }),
  ).toBe(1);
  expect(grew('tractor_rum_ttfb_seconds_count', first)).toBe(1);
  expect(grew('tractor_rum_fcp_seconds_count', first)).toBe(1);
  expect(grew('tractor_rum_cls_count', { route: '/products', navigation: 'load' })).toBe(1);
  expect(
    grew('tractor_rum_lcp_seconds_count', { route: '/product/:id', navigation: 'client' }),
  ).toBeGreaterThan(0);
  expect(grew('tractor_rum_errors_total', {})).toBe(0);
  // What `npm run vitals` prints has a row per team and live build.
  const rows = vitalsRows(after);
  for (const team of TEAMS) expect(rows.some((r) => r.team === team && r.build === builds[team])).toBe(true);
});

test("no live bundle holds a test's planted faults", async () => {
  const map = (await (await fetch(`${STORE}/importmap.json`)).json()) as { imports: Record<string, string> };
  for (const team of TEAMS) {
    const code = await (await fetch(new URL(map.imports[`@tractor/${team}`]!, STORE))).text();
    expect(code, team).not.toContain('planted by a test');
    expect(code, team).not.toContain('slow-click');
  }
});

test("a slow click handler planted in Checkout's fragments raises INP for Checkout only", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const planted = labelledBuild('checkout', `slow-${Date.now().toString(36)}`, repoRoot, 'slow-click');
  await watchSamples(page);
  try {
    npmRun('deploy', 'checkout', '--dist', planted.dist);
    const before = await metrics();
    // Decide's own interaction (a variant) stays quick; Checkout's "add to basket" takes 300 ms.
    await page.goto('/product/CL-01');
    await fieldSignalsStarted(page);
    await page.getByRole('link', { name: 'Stormy Sky' }).click();
    await expect(page).toHaveURL(/sku=/);
    await leave(page);
    await page.goto('/product/CL-01');
    await fieldSignalsStarted(page);
    await page.getByRole('button', { name: 'add to basket' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tractor was added' })).toBeVisible();
    // web-vitals measures an interaction once the browser is idle: a shopper who leaves sooner sends none.
    await sampleTaken(page, 'INP');
    await leave(page);

    const checkout = { team: 'checkout', build: planted.build };
    await expect.poll(async () => total(await metrics(), 'tractor_rum_inp_seconds_count', checkout)).toBe(1);
    const after = await metrics();
    const grew = (labels: Record<string, string>) =>
      total(after, 'tractor_rum_inp_seconds_count', labels) -
      total(before, 'tractor_rum_inp_seconds_count', labels);
    const fast = (labels: Record<string, string>) =>
      total(after, 'tractor_rum_inp_seconds_bucket', { ...labels, le: '0.2' }) -
      total(before, 'tractor_rum_inp_seconds_bucket', { ...labels, le: '0.2' });
    expect(total(after, 'tractor_rum_inp_seconds_sum', checkout)).toBeGreaterThanOrEqual(0.3);
    expect(fast(checkout)).toBe(0);
    // Decide's interaction, if slow enough to report, was quick: none of Checkout's slowness is Decide's.
    expect(fast({ team: 'decide' }), "Decide's INP is not Checkout's").toBe(grew({ team: 'decide' }));
    expect(grew({}), 'an INP for each page view, nothing else').toBeLessThanOrEqual(2);
  } finally {
    npmRun('rollback', 'checkout');
    planted.remove();
  }
});

test("an error thrown by Decide's code counts under Decide and its build; one thrown inside Lit, under the platform", async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  problems.expect(/planted by a test: the page throws/);
  problems.expect(/Cannot read properties of null/);
  const planted = labelledBuild('decide', `throw-${Date.now().toString(36)}`, repoRoot, 'throw');
  try {
    npmRun('deploy', 'decide', '--dist', planted.dist);
    const before = await metrics();
    await page.goto('/product/CL-01');
    await fieldSignalsStarted(page);
    await leave(page);
    const decide = { team: 'decide', build: planted.build, route: '/product/:id' };
    await expect.poll(async () => total(await metrics(), 'tractor_rum_errors_total', decide)).toBe(1);
    const after = await metrics();
    const grew = (labels: Record<string, string>) =>
      total(after, 'tractor_rum_errors_total', labels) - total(before, 'tractor_rum_errors_total', labels);
    expect(grew({ team: 'platform', route: '/product/:id' })).toBe(1);
    for (const team of ['explore', 'checkout', 'inspire']) expect(grew({ team }), team).toBe(0);
    // Errors per 1 000 views of that build, as `npm run vitals` shows them.
    const row = vitalsRows(after).find((r) => r.team === 'decide' && r.build === planted.build);
    expect(row?.views).toBe(1);
    expect(row?.errors).toBe(1);
  } finally {
    npmRun('rollback', 'decide');
    planted.remove();
  }
});
