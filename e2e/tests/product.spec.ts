import type { Page } from '@playwright/test';
import { readVitals, recordVitals } from '../web-vitals.js';
import { clientStarted, expect, expectSameDocument, markDocument, test } from './fixtures.js';

const picture = (page: Page) => page.locator('decide-product-page img.picture');
const recommendations = (page: Page) =>
  page.locator('decide-product-page inspire-recommendations').getByRole('link');

test('CL-01: name, three highlights, both variants, fragments for the first variant', async ({ page }) => {
  await page.goto('/product/CL-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await expect(page.locator('decide-product-page .highlights li')).toHaveCount(3);

  const variants = page.getByRole('list', { name: 'Variants' });
  await expect(variants.getByRole('listitem')).toHaveText(['Verdant Field', 'Stormy Sky']);
  await expect(variants.getByText('Verdant Field')).toHaveAttribute('aria-current', 'true');
  await expect(variants.getByRole('link', { name: 'Stormy Sky' })).toHaveAttribute(
    'href',
    '/product/CL-01?sku=CL-01-GY',
  );
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-01-GR.webp');
  await expect(page.locator('decide-product-page checkout-add-to-cart')).toHaveAttribute('sku', 'CL-01-GR');
  await expect(recommendations(page).first()).toHaveAttribute('href', '/product/CL-09?sku=CL-09-GR');
});

test('a variant change updates picture, add-to-cart and recommendations in place; Back restores it', async ({
  page,
}) => {
  await page.goto('/product/CL-01');
  await expect(recommendations(page)).toHaveCount(4);
  await markDocument(page);

  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page).toHaveURL('/product/CL-01?sku=CL-01-GY');
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-01-GY.webp');
  await expect(page.locator('decide-product-page checkout-add-to-cart')).toHaveAttribute('sku', 'CL-01-GY');
  await expect(recommendations(page).first()).toHaveAttribute('href', '/product/AU-06?sku=AU-06-MT');
  await expect(page.getByRole('list', { name: 'Variants' }).getByText('Stormy Sky')).toHaveAttribute(
    'aria-current',
    'true',
  );

  await page.goBack();
  await expect(page).toHaveURL('/product/CL-01');
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-01-GR.webp');
  await expect(recommendations(page).first()).toHaveAttribute('href', '/product/CL-09?sku=CL-09-GR');

  await page.goForward();
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-01-GY.webp');
  await expectSameDocument(page);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('a recommendation opens its product with that variant', async ({ page }) => {
  await page.goto('/product/CL-01');
  await markDocument(page);
  await recommendations(page).first().click();
  await expect(page).toHaveURL('/product/CL-09?sku=CL-09-GR');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TerraFirma Veneto');
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-09-GR.webp');
  await expectSameDocument(page);
});

test('no or an unknown sku shows the first variant', async ({ page }) => {
  await page.goto('/product/CL-01?sku=AU-01-SI');
  await expect(picture(page)).toHaveAttribute('src', '/cdn/img/product/CL-01-GR.webp');
});

test('an unknown product is the "not found" page, inside the frame', async ({ page, problems }) => {
  problems.expect(/404 .*decide\/api\/products/);
  await page.goto('/product/XX-99');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.locator('explore-header').getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(page.locator('explore-footer')).toBeVisible();
});

test('home → Machines → a product → another variant → Back, all without a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
  await markDocument(page);
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await page.getByRole('link', { name: /Heritage Workhorse/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page).toHaveURL('/product/CL-01?sku=CL-01-GY');
  await page.goBack();
  await expect(page).toHaveURL('/product/CL-01');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'All Machines' })).toBeVisible();
  await expectSameDocument(page);
});

test('nothing moves while the page and its fragments load (CLS 0)', async ({ page }) => {
  await page.addInitScript(recordVitals);
  await page.goto('/product/CL-01');
  await expect(recommendations(page)).toHaveCount(4);
  await page.waitForLoadState('networkidle');
  expect((await readVitals(page)).cls).toBe(0);
});

test('when Decide’s service is down the page says so, and the frame still works', async ({
  page,
  problems,
}) => {
  problems.expect(/503 .*decide\/api\/products/);
  await page.route('**/decide/api/**', (route) =>
    route.fulfill({ status: 503, json: { statusCode: 503, error: 'Service Unavailable', message: 'down' } }),
  );
  // The page is server-rendered on a first load; the browser asks Decide itself on a navigation.
  await page.goto('/products');
  await clientStarted(page);
  await page.getByRole('link', { name: /Heritage Workhorse/ }).click();
  await expect(page.getByRole('alert')).toContainText('This product cannot be shown right now');
  await page.unroute('**/decide/api/**');
  await page.getByRole('button', { name: 'try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await page.locator('explore-header').getByRole('link', { name: 'Stores' }).click();
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();
});
