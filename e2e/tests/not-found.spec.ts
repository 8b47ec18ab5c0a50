// A URL that names nothing — no page in the layout, an unknown product, an unknown category — is a 404 with its
// "not found" view, composed on the server; in the browser, a navigation to one shows the same view.
import type { Page } from '@playwright/test';
import { clientStarted, expect, expectSameDocument, markDocument, test } from './fixtures.js';

/** The HTML the server sent, without scripts and the layout's template (which holds every route's markup). */
const servedBody = async (response: Awaited<ReturnType<Page['goto']>>) =>
  (await response!.text())
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<template id="single-spa-layout">[\s\S]*?<\/template>/, '');

const navigateInPage = (page: Page, url: string) =>
  page.evaluate(
    (to) => (window as unknown as { singleSpaNavigate(url: string): void }).singleSpaNavigate(to),
    url,
  );

test('an unknown page is a proper "not found" page with header and footer', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.locator('explore-header').getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(page.locator('explore-footer')).toContainText('The Tractor Store');

  await clientStarted(page);
  await page.getByRole('link', { name: 'see all machines' }).click();
  await expect(page.getByRole('heading', { name: 'All Machines' })).toBeVisible();
});

test('/nope: a 404, the layout’s "Page not found" from the server', async ({ page }) => {
  const response = await page.goto('/nope');
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-type']).toMatch(/^text\/html/);
  expect(await servedBody(response)).toMatch(/<section class="shell-screen">\s*<h1>Page not found<\/h1>/);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('/product/XX-99: a 404, Decide’s "not found" from the server, hydrated without asking again', async ({
  page,
  problems,
}) => {
  const response = await page.goto('/product/XX-99');
  expect(response?.status()).toBe(404);
  expect(await servedBody(response)).toMatch(
    /data-ssr><decide-product-page><template shadowroot[^>]*>[\s\S]*<h1>Page not found<\/h1>/,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('We have no tractor called XX-99.')).toBeVisible();
  await clientStarted(page);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toHaveCount(1);
  // The page hydrated the server's "not found": it did not ask Decide for the product again.
  expect(problems.requests.filter((url) => url.includes('/decide/api/products/'))).toEqual([]);
});

test('/products/foo: a 404 that shows all machines (the URL names no category), from the server', async ({
  page,
}) => {
  const response = await page.goto('/products/foo');
  expect(response?.status()).toBe(404);
  expect(await servedBody(response)).toMatch(/data-ssr><explore-category-page>/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All Machines');
  await expect(page.getByText('23 products')).toBeVisible();
});

test('a client-side navigation to an unknown product shows "Page not found", without a reload', async ({
  page,
  problems,
}) => {
  // In the browser the product page asks Decide itself, which answers 404.
  problems.expect(/404 .*\/decide\/api\/products\/XX-99\)$/);
  await page.goto('/product/CL-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await markDocument(page);

  await navigateInPage(page, '/product/XX-99');
  await expect(page).toHaveURL('/product/XX-99');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('We have no tractor called XX-99.')).toBeVisible();

  await navigateInPage(page, '/products/foo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All Machines');
  await expect(page.getByText('23 products')).toBeVisible();
  await expectSameDocument(page);
});
