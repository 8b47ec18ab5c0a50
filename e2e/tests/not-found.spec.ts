import { clientStarted, expect, test } from './fixtures.js';

test('an unknown page is a proper "not found" page with header and footer', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.locator('explore-header').getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(page.locator('explore-footer')).toContainText('The Tractor Store');

  await clientStarted(page);
  await page.getByRole('link', { name: 'see all machines' }).click();
  await expect(page.getByRole('heading', { name: 'All Machines' })).toBeVisible();
});
