// The full store with one team's module from that team's dev server, through import-map-overrides.
import { devOrigin } from '../ports.js';
import { expect, test } from './fixtures.js';

test('an import-map override loads Decide from its dev server; the overlay says so', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(devOrigin('decide'));
  const moduleUrl = `${devOrigin('decide')}/tractor-decide.js`;
  await page.addInitScript((url) => {
    localStorage.setItem('devtools', 'true');
    localStorage.setItem('import-map-override:@tractor/decide', url);
  }, moduleUrl);
  await page.goto('/product/CL-01');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  expect(problems.requests).toContain(moduleUrl);
  const overlay = page.getByRole('complementary', { name: 'Registered applications' });
  await expect(overlay.getByRole('row').filter({ hasText: '@tractor/decide/product' })).toContainText(
    `MOUNTED${moduleUrl}`,
  );
  await expect(overlay.getByRole('row').filter({ hasText: '@tractor/explore/home' })).toContainText(
    '/assets/explore/',
  );
});

test('shoppers get no overlay and no overrides', async ({ page }) => {
  await page.goto('/product/CL-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await expect(page.getByRole('complementary', { name: 'Registered applications' })).toHaveCount(0);
});
