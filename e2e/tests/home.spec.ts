import { expect, test } from './fixtures.js';

test('home: two teasers, recommendations for CL-01-GY and AU-07-MT, header and footer', async ({ page }) => {
  await page.goto('/');

  const teasers = page.getByRole('navigation', { name: 'Categories' });
  await expect(teasers.getByRole('link', { name: 'Classic Tractors' })).toHaveAttribute(
    'href',
    '/products/classic',
  );
  await expect(teasers.getByRole('link', { name: 'Autonomous Tractors' })).toHaveAttribute(
    'href',
    '/products/autonomous',
  );

  const recommendations = page.getByRole('region', { name: 'Recommendations' });
  await expect(recommendations.getByRole('link')).toHaveText([
    'TerraFirma AutoCultivator T-300 Silver',
    'Scandinavia Sower Baltic Blue',
    'Holland Hamster Polder Green',
    'Global Gallant Sahara Dawn',
  ]);
  await expect(recommendations.getByRole('link').first()).toHaveAttribute(
    'href',
    '/product/AU-01?sku=AU-01-SI',
  );

  const header = page.locator('explore-header');
  await expect(header.getByRole('link', { name: 'The Tractor Store — home' })).toHaveAttribute('href', '/');
  await expect(header.getByRole('link', { name: 'Machines' })).toHaveAttribute('href', '/products');
  await expect(header.getByRole('link', { name: 'Stores' })).toHaveAttribute('href', '/stores');
  await expect(
    page.locator('explore-footer').getByRole('link', { name: 'micro-frontends.org/tractor-store' }),
  ).toBeVisible();
});

test('recommendations follow their skus attribute and property', async ({ page }) => {
  await page.goto('/');
  const element = page.locator('explore-home-page inspire-recommendations');
  await expect(element.getByRole('link')).toHaveCount(4);

  await element.evaluate((el) => el.setAttribute('skus', 'CL-01-GR'));
  await expect(element.getByRole('link').first()).toHaveAttribute('href', '/product/CL-09?sku=CL-09-GR');

  await element.evaluate((el) => ((el as HTMLElement & { skus: string[] }).skus = ['CL-01-GY']));
  await expect(element.getByRole('link').first()).toHaveAttribute('href', '/product/AU-06?sku=AU-06-MT');
});

test('every picture on the home, category and stores pages loads', async ({ page }) => {
  for (const url of ['/', '/products', '/stores']) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const images = page.locator('img');
    expect(await images.count(), url).toBeGreaterThan(3);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
          message: url,
        })
        .toBe(true);
    }
  }
});
