import { clientStarted, expect, expectSameDocument, markDocument, test } from './fixtures.js';

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

test('"Try again" on the error screen loads the page once its module is back, without reloading', async ({
  page,
  problems,
}) => {
  problems.expect(/decide|tractor-decide/);
  let down = true;
  await page.route('**/assets/decide/**', (route) =>
    down ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
  );
  await page.goto('/product/CL-01');
  await expect(page.getByRole('alert')).toContainText('This page is not available right now');
  await markDocument(page);

  down = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page.getByRole('list', { name: 'Variants' }).getByText('Stormy Sky')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectSameDocument(page);
});

test('a fragment module that failed is loaded again when the shopper navigates', async ({
  page,
  problems,
}) => {
  problems.expect(/inspire|tractor-inspire/);
  let down = true;
  await page.route('**/assets/inspire/**', (route) =>
    down ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
  );
  await page.goto('/product/CL-01');
  // The server rendered the recommendations; without their module they cannot react to anything.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  await markDocument(page);
  expect(await page.evaluate(() => customElements.get('inspire-recommendations') === undefined)).toBe(true);

  down = false;
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  // Inspire's recommendations follow the new variant: its module is there now.
  await expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveCount(4);
  await expect
    .poll(() => page.evaluate(() => customElements.get('inspire-recommendations') !== undefined))
    .toBe(true);
  await expectSameDocument(page);
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
  await clientStarted(page);
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The machines cannot be shown right now.');
  await expect(page.locator('explore-header').getByRole('link', { name: 'Stores' })).toBeVisible();

  down = false;
  await alert.getByRole('button', { name: 'try again' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
});
