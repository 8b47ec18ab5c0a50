import { expect, test } from './fixtures.js';

test('a page whose module cannot load shows the error screen inside a working frame', async ({
  page,
  problems,
}) => {
  // single-spa-layout rethrows the load failure asynchronously: that one error is expected.
  problems.expect(/decide|tractor-decide/);
  await page.route('**/assets/decide/**', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto('/product/CL-01');

  await expect(page.getByRole('alert')).toContainText('This page is not available right now');
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByRole('heading', { name: 'All Machines' })).toBeVisible();
});

test('when Explore’s service fails, the page says so and "try again" recovers', async ({
  page,
  problems,
}) => {
  problems.expect(/503 .*explore\/api\/products/);
  let down = true;
  await page.route('**/explore/api/products*', (route) =>
    down
      ? route.fulfill({
          status: 503,
          json: { statusCode: 503, error: 'Service Unavailable', message: 'down' },
        })
      : route.continue(),
  );
  // A first load is server-rendered; on a navigation the browser asks Explore itself.
  await page.goto('/stores');
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The machines cannot be shown right now.');
  await expect(page.locator('explore-header').getByRole('link', { name: 'Stores' })).toBeVisible();

  down = false;
  await alert.getByRole('button', { name: 'try again' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
});
