// The first view is composed on the server from each team's own render, and the browser hydrates it.
import type { Page } from '@playwright/test';
import { expect, markDocument, expectSameDocument, STORE_PAGES, test, unrenderedParts } from './fixtures.js';

const recommendations = (page: Page) =>
  page.locator('decide-product-page inspire-recommendations').getByRole('link');

test('with scripts off, the product page is all there: every team’s part, from the server', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/product/CL-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse'); // Decide
  await expect(page.locator('checkout-add-to-cart')).toContainText('5700 Ø'); // Checkout, inside Decide's page
  await expect(recommendations(page)).toHaveCount(4); // Explore, inside Decide's page
  await expect(page.locator('explore-header').getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(page.locator('explore-footer')).toContainText('The Tractor Store');
  // A link works as a link.
  await recommendations(page).first().click();
  await expect(page).toHaveURL(/\/product\/CL-09\?sku=CL-09-GR$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TerraFirma Veneto');
  await context.close();
});

test('a server-rendered page hydrates once: nothing twice, nothing fetched again, and it works', async ({
  page,
  problems,
}) => {
  await page.goto('/product/CL-01');
  const add = page.getByRole('button', { name: 'add to basket' });
  await expect(add).toBeEnabled(); // live: Checkout's module has hydrated its fragment
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(add).toHaveCount(1);
  await expect(recommendations(page)).toHaveCount(4);
  await expect(page.locator('explore-header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  // What the server sent is not asked for again.
  const apis = problems.requests.filter((url) => url.includes('/api/'));
  expect(apis).toEqual([]);

  await markDocument(page);
  await add.click();
  await expect(page.locator('explore-header checkout-mini-cart .badge')).toHaveText('1');
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page.locator('checkout-add-to-cart')).toContainText('6200 Ø');
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
  await expectSameDocument(page);
});

test('every page of the store is server-rendered, and hydrates without an error or a second copy', async ({
  page,
}) => {
  for (const [url, heading] of STORE_PAGES) {
    const response = await page.goto(url);
    // The first view came from the server: the page's container and every fragment in it, filled.
    expect.soft(unrenderedParts(await response!.text()), url).toEqual([]);
    await expect(page.locator('explore-header').getByRole('link', { name: 'Stores' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toHaveCount(1);
    await expect(page.locator('[id^="single-spa-application:"]')).toHaveCount(1);
  }
});

test('a first view leaves the fonts for later: fetched once the page works, shown from the next page on', async ({
  page,
}) => {
  await page.goto('/products');
  const bodyFont = () => page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(await bodyFont()).not.toContain('Inter');

  // Once the page works, the browser fetches both faces into its cache, after the page has loaded …
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tractor:fonts'))).toBe('cached');
  const fetched = await page.evaluate(() => {
    const loaded = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/cdn/fonts/'))
      .map((entry) => ({ font: entry.name, afterLoad: entry.startTime >= loaded.loadEventEnd }));
  });
  expect(fetched).toHaveLength(2);
  expect(fetched.every((entry) => entry.afterLoad)).toBe(true);
  // … and this page keeps its font: text that changed font would move.
  expect(await bodyFont()).not.toContain('Inter');

  // The next page load shows Inter from its first paint.
  await page.goto('/product/CL-01');
  expect(await bodyFont()).toMatch(/^Inter,/);
  await expect.poll(() => page.evaluate(() => document.fonts.check('700 16px Inter'))).toBe(true);
});
