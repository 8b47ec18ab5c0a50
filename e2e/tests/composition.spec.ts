import { clientStarted, expect, test } from './fixtures.js';

test('nothing leaves the origin and Lit is fetched once across pages', async ({ page, problems }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveCount(4);
  // The page is server-rendered: a click before the client has started would load the next page anew.
  await clientStarted(page);
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
  await page.locator('explore-header').getByRole('link', { name: 'Stores' }).click();
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();

  // The fixture fails the test if any request left the origin; here: Lit (one module) and single-spa, each
  // exactly once, and no Lit file of the npm packages beside it.
  for (const file of [/\/shared\/lit\.[0-9a-f]{8}\.js$/, /\/single-spa\.min\.js$/]) {
    expect(
      problems.requests.filter((url) => file.test(url)),
      String(file),
    ).toHaveLength(1);
  }
  expect(problems.requests.filter((url) => /\/shared\/npm\/(lit|@lit)/.test(url))).toEqual([]);
  expect(warnings.filter((w) => /Multiple versions of Lit/.test(w))).toEqual([]);
});

test('import-map-overrides loads only when a developer asks for it', async ({ page, problems }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
  expect(problems.requests.filter((url) => url.includes('import-map-overrides'))).toEqual([]);

  await page.goto('/?devtools');
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
  expect(
    await page.evaluate(() => typeof (window as { importMapOverrides?: object }).importMapOverrides),
  ).toBe('object');
  await page.evaluate(() => localStorage.removeItem('devtools'));
});
