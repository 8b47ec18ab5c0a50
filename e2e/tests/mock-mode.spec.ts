// npm run start:mock: the whole store with no service running, every API answered by msw in the page.
import { teams } from '../../shared/teams.js';
import { MOCK_PORT } from '../ports.js';
import { chooseStore, expect, test } from './fixtures.js';

const MOCK = `http://localhost:${MOCK_PORT}`;

test('the spec’s journey works in mock mode, with no service running', async ({ page, problems }) => {
  problems.allowOrigin(MOCK);
  await page.goto(`${MOCK}/product/CL-01`);
  const badge = page.locator('explore-header checkout-mini-cart .badge');
  const add = page.getByRole('button', { name: 'add to basket' });
  await add.click();
  await expect(badge).toHaveText('1');
  await add.click();
  await expect(badge).toHaveText('2');
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await add.click();
  await expect(badge).toHaveText('3');

  await page.getByRole('link', { name: 'View in basket.' }).click();
  await expect(page.getByText('Total: 17600 Ø')).toBeVisible();
  await page.getByTitle('Remove Heritage Workhorse Stormy Sky from cart').click();
  await expect(page.getByText('Total: 11400 Ø')).toBeVisible();
  await expect(badge).toHaveText('2');

  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await chooseStore(page, 'Central Mall');
  await expect(page.getByLabel('Store ID')).toHaveValue('store-c');
  await page.getByRole('button', { name: 'place order' }).click();
  await expect(page.getByRole('heading', { name: 'Thanks for your order!' })).toBeVisible();
  await expect(badge).toBeEmpty();

  // Nothing reached a service (none runs): every API request of every team was answered in the page, with success.
  const apiResponses = await page.evaluate(
    (names) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => names.some((team) => new URL(e.name).pathname.startsWith(`/${team}/api/`)))
        .map((e) => `${new URL(e.name).pathname} ${(e as PerformanceResourceTiming).responseStatus}`),
    teams.map((t) => t.name),
  );
  expect(apiResponses.length).toBeGreaterThan(0);
  expect(apiResponses.filter((r) => !/ 20[01]$/.test(r))).toEqual([]);
});

test('mock mode shows what the store shows: the whole catalogue, the same counts and recommendations', async ({
  page,
  problems,
}) => {
  problems.allowOrigin(MOCK);
  await page.goto(`${MOCK}/`);
  // The mocks answer from the services' own data modules, with the services' own algorithm.
  await expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveText([
    'TerraFirma AutoCultivator T-300 Silver',
    'Scandinavia Sower Baltic Blue',
    'Holland Hamster Polder Green',
    'Global Gallant Sahara Dawn',
  ]);
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByText('23 products')).toBeVisible();
  await page.getByRole('link', { name: 'Classics' }).click();
  await expect(page.getByText('15 products')).toBeVisible();
  await page.getByRole('link', { name: /Fieldmaster Classic/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fieldmaster Classic');
  await expect(page.locator('checkout-add-to-cart')).toContainText('6200 Ø');
  await page.locator('explore-header').getByRole('link', { name: 'Stores' }).click();
  await expect(page.locator('explore-stores-page .tile')).toHaveCount(4);
});
