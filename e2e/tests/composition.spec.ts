import { expect, test } from './fixtures.js';

test('nothing leaves the origin and Lit is fetched once across pages', async ({ page, problems }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveCount(4);
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
  await page.locator('explore-header').getByRole('link', { name: 'Stores' }).click();
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();

  // The fixture fails the test if any request left the origin; here: each Lit file exactly once.
  const litCore = ['/lit-html.js', '/lit-element.js', '/reactive-element.js', '/single-spa.min.js'];
  for (const file of litCore) {
    expect(
      problems.requests.filter((url) => url.endsWith(file)),
      file,
    ).toHaveLength(1);
  }
  expect(warnings.filter((w) => /Multiple versions of Lit/.test(w))).toEqual([]);
});
