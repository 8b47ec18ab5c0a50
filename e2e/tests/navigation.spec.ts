import { expect, expectSameDocument, markDocument, test } from './fixtures.js';

test('the header navigates between pages without reloading, and Back works', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
  await markDocument(page);
  const header = page.locator('explore-header');

  await header.getByRole('link', { name: 'Machines' }).click();
  await expect(page).toHaveURL('/products');
  await expect(page.getByRole('heading', { name: 'All Machines' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Machines' })).toHaveAttribute('aria-current', 'page');

  await header.getByRole('link', { name: 'Stores' }).click();
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();

  await header.getByRole('link', { name: 'The Tractor Store — home' }).click();
  await expect(page.getByRole('link', { name: 'Autonomous Tractors' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL('/stores');
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();
  await expectSameDocument(page);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('a teaser opens its category without reloading', async ({ page }) => {
  await page.goto('/');
  await markDocument(page);
  await page.getByRole('link', { name: 'Autonomous Tractors' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autonomous');
  await expectSameDocument(page);
});
