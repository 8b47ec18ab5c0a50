// Each team alone: its webpack-dev-server's standalone page, its pages answered by its own msw mocks.
import { DEV_PORTS, STORE_PORT, devOrigin } from '../ports.js';
import { expect, test } from './fixtures.js';

// Explore's and Checkout's standalone pages look for the store where nothing runs (on purpose).
const NO_STORE = /ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to load resource/;
const NO_STORE_ORIGIN = 'http://127.0.0.1:9';

test('Explore alone: its pages from its mocks, the switcher, other teams’ fragments as placeholders', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(devOrigin('explore'));
  problems.expect(NO_STORE);
  problems.allowOrigin(NO_STORE_ORIGIN);
  await page.goto(`${devOrigin('explore')}/`);
  const bar = page.locator('#dev-bar');
  await expect(bar.getByRole('status')).toHaveText(
    "API: explore's mocks (msw) · checkout: placeholders · inspire: placeholders",
  );
  await expect(bar.getByRole('navigation').getByRole('link')).toHaveText(['Home', 'Machines', 'Stores']);
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
  await expect(page.locator('inspire-recommendations')).toContainText(
    '<inspire-recommendations skus="CL-01-GY,AU-07-MT"> placeholder',
  );
  await expect(page.locator('checkout-mini-cart')).toContainText('<checkout-mini-cart> placeholder');

  await bar.getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All Machines');
  await expect(page.getByText('23 products')).toBeVisible(); // the mock answers from the seed's data
});

test('Explore alone: a mocked failure shows the error state', async ({ page, problems }) => {
  problems.allowOrigin(devOrigin('explore'));
  problems.expect(NO_STORE);
  problems.allowOrigin(NO_STORE_ORIGIN);
  problems.expect(/503/);
  await page.goto(`${devOrigin('explore')}/products?mockFail=/explore/api/products`);
  await expect(page.getByRole('alert')).toContainText('The machines cannot be shown right now.');
});

test('Decide alone, opened at /, with the store running: its page from its mocks, the store’s real fragments', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(devOrigin('decide'));
  problems.allowOrigin(`http://localhost:${STORE_PORT}`);
  // Opened at the root the dev server prints: Decide has no page there, so its first page opens.
  await page.goto(`${devOrigin('decide')}/`);
  await expect(page).toHaveURL(`${devOrigin('decide')}/product/CL-01`);
  await expect(page.locator('#dev-bar').getByRole('status')).toHaveText(
    `API: decide's mocks (msw) · ${['explore', 'checkout', 'inspire'].map((t) => `${t}: real, from http://localhost:${STORE_PORT}`).join(' · ')}`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  // The real fragments ask their own services (proxied to the store by the dev server).
  await expect(page.locator('checkout-add-to-cart')).toContainText('5700 Ø');
  await expect(page.locator('decide-product-page inspire-recommendations').getByRole('link')).toHaveCount(4);
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page).toHaveURL(`${devOrigin('decide')}/product/CL-01?sku=CL-01-GY`);
  await expect(page.locator('checkout-add-to-cart')).toContainText('6200 Ø');
});

test('Decide alone: a mocked failure shows the error state', async ({ page, problems }) => {
  problems.allowOrigin(devOrigin('decide'));
  problems.allowOrigin(`http://localhost:${STORE_PORT}`);
  problems.expect(/503/);
  await page.goto(`${devOrigin('decide')}/product/CL-01?mockFail=/decide/api/products/CL-01`);
  await expect(page.getByRole('alert')).toContainText('This product cannot be shown right now');
});

test('Checkout alone: the basket from its in-memory mock, Explore’s fragments as placeholders', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(devOrigin('checkout'));
  problems.expect(NO_STORE);
  problems.allowOrigin(NO_STORE_ORIGIN);
  await page.goto(`${devOrigin('checkout')}/checkout/cart`);
  await expect(page.locator('#dev-bar').getByRole('status')).toHaveText(
    "API: checkout's mocks (msw) · explore: placeholders · inspire: placeholders",
  );
  await expect(page.getByRole('heading', { name: 'Basket' })).toBeVisible();
  await expect(page.getByText('Total: 0 Ø')).toBeVisible();
  await expect(page.locator('inspire-recommendations')).toContainText('placeholder');
  await page.locator('#dev-bar').getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'place order' })).toBeDisabled();
});

test('Checkout alone: a mocked failure shows the error state', async ({ page, problems }) => {
  problems.allowOrigin(devOrigin('checkout'));
  problems.expect(NO_STORE);
  problems.allowOrigin(NO_STORE_ORIGIN);
  problems.expect(/503/);
  await page.goto(`${devOrigin('checkout')}/checkout/cart?mockFail=/checkout/api/cart`);
  await expect(page.getByRole('alert')).toContainText('The basket cannot be shown right now.');
});

test('Inspire alone: its fragment from its mocks, the same lists as the store', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(devOrigin('inspire'));
  problems.expect(NO_STORE);
  problems.allowOrigin(NO_STORE_ORIGIN);
  await page.goto(`${devOrigin('inspire')}/`);
  await expect(page.locator('#dev-bar').getByRole('status')).toHaveText(
    "API: inspire's mocks (msw) · explore: placeholders · checkout: placeholders",
  );
  // The home page's SKUs: the mock runs the service's algorithm on the service's data.
  await expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveText([
    'TerraFirma AutoCultivator T-300 Silver',
    'Scandinavia Sower Baltic Blue',
    'Holland Hamster Polder Green',
    'Global Gallant Sahara Dawn',
  ]);
});

test('a production bundle holds no msw', async ({ request }) => {
  const { imports } = (await (await request.get('/importmap.json')).json()) as {
    imports: Record<string, string>;
  };
  for (const team of Object.keys(DEV_PORTS)) {
    const bundle = await (await request.get(imports[`@tractor/${team}`]!)).text();
    expect(bundle.length, team).toBeGreaterThan(1000);
    // No msw code and no import of it (the word may appear in the footer's credits).
    expect(bundle, team).not.toMatch(/mockServiceWorker|setupWorker|from\s*["']msw/);
  }
});
