import type { Page } from '@playwright/test';
import { expect, expectSameDocument, markDocument, test } from './fixtures.js';

const prices = async (page: Page) =>
  (await page.locator('explore-category-page .price').allTextContents()).map((p) =>
    Number(p.replace(/,00 Ø$/, '')),
  );

test('all machines: 23 products, highest start price first', async ({ page }) => {
  await page.goto('/products');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All Machines');
  await expect(page.getByText('23 products')).toBeVisible();

  const tiles = page.locator('explore-category-page .tile');
  await expect(tiles).toHaveCount(23);
  await expect(tiles.first()).toContainText('Sapphire Sunworker 460R');
  await expect(tiles.first()).toContainText('8500,00 Ø');
  await expect(tiles.last()).toContainText('TerraFirma AutoCultivator T-300');
  await expect(tiles.last()).toContainText('1000,00 Ø');
  const shown = await prices(page);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
});

test('the filter switches categories in place; the active one is not a link', async ({ page }) => {
  await page.goto('/products');
  await expect(page.getByText('23 products')).toBeVisible();
  await markDocument(page);
  const filter = page.getByRole('list', { name: 'Filter by category' });

  await filter.getByRole('link', { name: 'Classics' }).click();
  await expect(page).toHaveURL('/products/classic');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Classics');
  await expect(page.getByText('15 products')).toBeVisible();
  await expect(filter.getByRole('link', { name: 'Classics' })).toHaveCount(0);
  await expect(filter.getByText('Classics')).toHaveAttribute('aria-current', 'page');

  await filter.getByRole('link', { name: 'Autonomous' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autonomous');
  await expect(page.getByText('8 products')).toBeVisible();
  const autonomousPrices = await prices(page);
  expect(autonomousPrices).toEqual([...autonomousPrices].sort((a, b) => b - a));

  await filter.getByRole('link', { name: 'All' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
  await expectSameDocument(page);
});

test('an unknown category shows all machines', async ({ page }) => {
  await page.goto('/products/tanks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All Machines');
  await expect(page.getByText('23 products')).toBeVisible();
});

test('a tile links to its product page', async ({ page }) => {
  await page.goto('/products/classic');
  await expect(page.getByRole('link', { name: /Heritage Workhorse/ })).toHaveAttribute(
    'href',
    '/product/CL-01',
  );
});

test('each picture loads the file its place needs: a tile the small one, the product page’s the large one; a dense screen the sharper', async ({
  browser,
  baseURL,
}) => {
  const shown = async (deviceScaleFactor: number, path: string, selector: string) => {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor,
    });
    const page = await context.newPage();
    await page.goto(path);
    const image = page.locator(selector).first();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeTruthy();
    const file = await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
    await context.close();
    return file;
  };
  expect(await shown(1, '/products', 'explore-category-page .tile img')).toMatch(
    /^\/cdn\/img\/product\/[\w-]+@0\.6x\.webp$/,
  );
  expect(await shown(2, '/products', 'explore-category-page .tile img')).toMatch(
    /^\/cdn\/img\/product\/[\w-]+@2x\.webp$/,
  );
  expect(await shown(1, '/product/CL-01', 'decide-product-page img.picture')).toBe(
    '/cdn/img/product/CL-01-GR@2x.webp',
  );
});
