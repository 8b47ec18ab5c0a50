import type { Page } from '@playwright/test';
import { chooseStore, expect, expectSameDocument, markDocument, test } from './fixtures.js';

const miniCart = (page: Page) => page.locator('explore-header checkout-mini-cart').getByRole('link');
const badge = (page: Page) => page.locator('explore-header checkout-mini-cart .badge');
const addToBasket = (page: Page) => page.getByRole('button', { name: 'add to basket' });

async function addAndWait(page: Page, expectedQuantity: number) {
  await addToBasket(page).click();
  await expect(page.getByText('Tractor was added.')).toBeVisible();
  await expect(badge(page)).toHaveText(String(expectedQuantity));
}

/** How many times each element played an animation (element.animate), counted in the page. */
const bounces = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bounces?: number }).__bounces ?? 0);

test('the spec’s journey: add, basket, remove, checkout, thanks', async ({ page, context }) => {
  // Five pages and some seventy steps: on a busy 2-core machine the whole journey has taken 28–30 s.
  test.setTimeout(60_000);
  await page.addInitScript(() => {
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      const host = (this.getRootNode() as ShadowRoot).host;
      if (host?.localName === 'checkout-mini-cart') {
        const w = window as unknown as { __bounces?: number };
        w.__bounces = (w.__bounces ?? 0) + 1;
      }
      return animate.apply(this, args);
    };
  });
  await page.goto('/product/CL-01');
  await expect(page.locator('checkout-add-to-cart')).toContainText('5700 Ø');
  await expect(page.locator('checkout-add-to-cart')).toContainText('8 in stock, free shipping');
  await markDocument(page);

  await addAndWait(page, 1);
  await expect.poll(() => bounces(page), { message: 'the mini cart bounces on each change' }).toBe(1);
  await expect(page.getByRole('link', { name: 'View in basket.' })).toHaveAttribute('href', '/checkout/cart');
  await addAndWait(page, 2);
  await page.getByRole('link', { name: 'Stormy Sky' }).click();
  await expect(page.locator('checkout-add-to-cart')).toContainText('6200 Ø');
  await expect(page.getByText('Tractor was added.')).toHaveCount(0);
  await addAndWait(page, 3);
  await expect.poll(() => bounces(page)).toBe(3);
  const cookie = (await context.cookies()).find((c) => c.name === 'c_cart');
  expect(cookie).toMatchObject({ value: 'CL-01-GR_2|CL-01-GY_1', httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('link', { name: 'View in basket.' }).click();
  await expect(page.getByRole('heading', { name: 'Basket' })).toBeVisible();
  const lines = page.locator('checkout-cart-page .line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('11400 Ø');
  await expect(lines.nth(1)).toContainText('6200 Ø');
  await expect(lines.nth(0).getByRole('link', { name: 'Heritage Workhorse Verdant Field' })).toHaveAttribute(
    'href',
    '/product/CL-01?sku=CL-01-GR',
  );
  await expect(page.getByText('Total: 17600 Ø')).toBeVisible();

  await page.getByTitle('Remove Heritage Workhorse Stormy Sky from cart').click();
  await expect(page.getByText('Total: 11400 Ø')).toBeVisible();
  await expect(badge(page)).toHaveText('2');
  await expect(page.locator('checkout-cart-page inspire-recommendations').getByRole('link')).toHaveCount(4);

  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  const compact = page.locator('checkout-compact-header');
  await expect(compact.getByRole('link', { name: 'The Tractor Store — home' })).toBeVisible();
  await expect(page.locator('explore-header')).toHaveCount(0);
  await expect(page.locator('checkout-mini-cart')).toHaveCount(0);

  const placeOrder = page.getByRole('button', { name: 'place order' });
  await expect(placeOrder).toBeDisabled();
  await page.getByLabel('First name').fill('Ada');
  await expect(placeOrder).toBeDisabled();
  await page.getByLabel('Last name').fill('Lovelace');
  await expect(placeOrder).toBeDisabled();
  await chooseStore(page, 'Central Mall');
  await expect(page.locator('explore-store-picker')).toContainText('Central Mall');
  await expect(page.getByLabel('Store ID')).toHaveValue('store-c');
  await expect(page.getByLabel('Store ID')).toHaveAttribute('readonly', '');

  await placeOrder.click();
  await expect(page.getByRole('heading', { name: 'Thanks for your order!' })).toBeVisible();
  await expect(page).toHaveURL('/checkout/thanks');
  await expect(page.getByText("We'll notify you, when its ready for pickup.")).toBeVisible();
  await expect(page.locator('body > canvas'), 'confetti was fired').toBeAttached();
  await expect(badge(page)).toBeEmpty();
  expect((await context.cookies()).find((c) => c.name === 'c_cart')).toBeUndefined();
  await expectSameDocument(page);

  // The order's transaction took its units from Checkout's stock (8 → 6).
  const offer = await page.request.get('/checkout/api/variants/CL-01-GR');
  expect(await offer.json()).toMatchObject({ stock: 6 });

  await page.getByRole('link', { name: 'Continue Shopping' }).click();
  await expect(page.getByRole('link', { name: 'Classic Tractors' })).toBeVisible();
});

test('an out-of-stock variant cannot be added', async ({ page }) => {
  await page.goto('/product/CL-04?sku=CL-04-TQ');
  await expect(page.locator('checkout-add-to-cart')).toContainText('out of stock');
  await expect(addToBasket(page)).toBeDisabled();
});

test('the cart survives a reload', async ({ page }) => {
  await page.goto('/product/AU-01');
  await addAndWait(page, 1);
  await page.reload();
  await expect(badge(page)).toHaveText('1');
  await miniCart(page).click();
  await expect(page.locator('checkout-cart-page .line')).toContainText(
    'TerraFirma AutoCultivator T-300 Silver',
  );
});

test('a second tab’s mini cart follows the cart', async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto('/stores');
  await expect(miniCart(other)).toBeVisible();
  await expect(badge(other)).toBeEmpty();

  await page.goto('/product/AU-02');
  await addAndWait(page, 1);
  await expect(badge(other)).toHaveText('1');
});

test('an empty basket: "Total: 0 Ø" and the default recommendations', async ({ page }) => {
  await page.goto('/checkout/cart');
  await expect(page.getByText('Your basket is empty.')).toBeVisible();
  await expect(page.getByText('Total: 0 Ø')).toBeVisible();
  await expect(
    page.locator('checkout-cart-page inspire-recommendations').getByRole('link').first(),
  ).toHaveAttribute('href', '/product/AU-01?sku=AU-01-SI');
});

test('a failed add says so on the button, not a silent nothing', async ({ page, problems }) => {
  problems.expect(/503 .*checkout\/api\/cart\/items/);
  await page.route('**/checkout/api/cart/items', (route) =>
    route.fulfill({
      status: 503,
      json: { statusCode: 503, error: 'Service Unavailable', message: 'Checkout is down.' },
    }),
  );
  await page.goto('/product/CL-01');
  await addToBasket(page).click();
  await expect(page.getByRole('alert')).toHaveText('Could not add this tractor: Checkout is down.');
  await expect(badge(page)).toBeEmpty();
});

test('markup in a name is refused before sending, and a failed order keeps the form', async ({
  page,
  problems,
}) => {
  problems.expect(/503 .*checkout\/api\/orders/);
  await page.goto('/product/CL-08');
  await addAndWait(page, 1);
  await page.goto('/checkout/checkout');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('<img src=x onerror=alert(1)>');
  await expect(page.getByText('Last name must not contain < or >')).toBeVisible();
  await page.getByRole('button', { name: 'choose a store' }).click();
  await page
    .getByRole('dialog')
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: 'select' })
    .click();
  await expect(page.getByRole('button', { name: 'place order' })).toBeDisabled();

  await page.getByLabel('Last name').fill('Lovelace');
  await page.route('**/checkout/api/orders', (route) =>
    route.fulfill({
      status: 503,
      json: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The store directory cannot be reached.',
      },
    }),
  );
  await page.getByRole('button', { name: 'place order' }).click();
  await expect(page.getByRole('alert')).toHaveText('The store directory cannot be reached.');
  await expect(page).toHaveURL('/checkout/checkout');
  await expect(page.getByLabel('First name')).toHaveValue('Ada');
});
