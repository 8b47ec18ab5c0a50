import { expect, test } from './fixtures.js';

test('stores: heading, intro and the four stores with their addresses', async ({ page }) => {
  await page.goto('/stores');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our Stores');
  await expect(page.getByText(/Visit one of our stores/)).toBeVisible();
  const stores = page.locator('explore-stores-page .tile');
  await expect(stores).toHaveCount(4);
  await expect(stores.nth(2)).toContainText('Central Mall');
  await expect(stores.nth(2)).toContainText('Clown Street 3');
  await expect(stores.nth(2)).toContainText('Cryo');
  await expect(stores.locator('.name')).toHaveText([
    'Aurora Flagship Store',
    'Big Micro Machines',
    'Central Mall',
    'Downtown Model Store',
  ]);
});
