// Accessibility: axe-core on every page of the store, plain and with the team boundaries shown; the whole
// journey with the keyboard alone; focus on the new page's heading after a client-side navigation; and less
// motion for a shopper who asks for it.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { clientStarted, expect, test } from './fixtures.js';

const pages = [
  ['home', '/'],
  ['all machines', '/products'],
  ['a category', '/products/classic'],
  ['stores', '/stores'],
  ['a product', '/product/CL-01'],
  ['the basket', '/checkout/cart'],
  ['checkout', '/checkout/checkout'],
  ['thanks', '/checkout/thanks'],
  ['not found', '/no-such-page'],
] as const;

/** Serious and critical violations only: the ones that stop someone from using the page. */
async function seriousViolations(page: Page) {
  // target-size (WCAG 2.2 AA 2.5.8: every tap target 24 × 24 px or spaced as much) is off in axe by default.
  const { violations, passes } = await new AxeBuilder({ page })
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  if (!passes.some((rule) => rule.id === 'target-size')) throw new Error('axe did not run target-size');
  const count = (impact: string) => violations.filter((v) => v.impact === impact).length;
  console.log(
    `axe ${page.url()}: ${passes.length} rules passed; violations: ${['critical', 'serious', 'moderate', 'minor'].map((i) => `${count(i)} ${i}`).join(', ')}`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('axe', () => {
  // axe-core measures colour contrast with inline styles of its own, which the page's CSP rightly refuses;
  // the policy has tests of its own (every other test runs under it).
  test.use({ bypassCSP: true });

  for (const [name, url] of pages) {
    for (const boundaries of [false, true]) {
      test(`axe: ${name} (${url})${boundaries ? ', boundaries on' : ''} has no serious or critical violation`, async ({
        page,
      }) => {
        if (boundaries) await page.addInitScript(() => localStorage.setItem('tractor:boundaries', 'on'));
        if (url === '/product/CL-01' || url === '/checkout/cart') {
          // With something in the basket, so the page shows its lines and its fragments filled.
          await page.request.post('/checkout/api/cart/items', { data: { sku: 'CL-01-GR' } });
        }
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
        await clientStarted(page);
        await page.waitForLoadState('networkidle');
        if (boundaries) await expect(page.locator('html')).toHaveClass(/show-boundaries/);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});

/** Presses Tab until `target` has the focus (looking into shadow roots); fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 80) {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((element) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === element;
    }, handle);
    if (focused) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

test('the whole journey with the keyboard alone: Tab, Enter, Space and typing', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await clientStarted(page);

  await tabTo(page, page.locator('explore-header').getByRole('link', { name: 'Machines' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'All Machines' })).toBeFocused();

  // A machine no other test orders: the tests share one store and its stock.
  await tabTo(page, page.getByRole('link', { name: /Falcon Crest Work/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Falcon Crest Work' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Harvest Gold' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sku=CL-03-YE/);
  await tabTo(page, page.getByRole('button', { name: 'add to basket' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Tractor was added.')).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'View in basket.' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Basket' })).toBeFocused();
  await expect(page.locator('checkout-cart-page .line')).toHaveCount(1);

  await tabTo(page, page.getByRole('link', { name: 'Checkout' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeFocused();

  await tabTo(page, page.getByLabel('First name'));
  await page.keyboard.type('Ada');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lovelace');
  await tabTo(page, page.getByRole('button', { name: 'choose a store' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Stores' });
  await tabTo(
    page,
    dialog.getByRole('listitem').filter({ hasText: 'Central Mall' }).getByRole('button', { name: 'select' }),
  );
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Store ID')).toHaveValue('store-c');

  await tabTo(page, page.getByRole('button', { name: 'place order' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Thanks for your order!' })).toBeFocused();
});

test('a client-side navigation moves focus to the new page’s heading; the first page keeps the browser’s', async ({
  page,
}) => {
  await page.goto('/stores');
  await clientStarted(page);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
  await page.locator('explore-header').getByRole('link', { name: 'Machines' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All Machines' })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Our Stores' })).toBeFocused();

  // From the layout's not-found screen (no page application) too.
  await page.goto('/no-such-page');
  await clientStarted(page);
  await page.getByRole('link', { name: 'see all machines' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All Machines' })).toBeFocused();
});

/**
 * Orders one of `product` with the page's animations counted: the mini cart's bounce (Element.animate) and the
 * thanks page's confetti (its lazy chunk's request, its canvas). Returns once the badge says 1 (the bounce runs
 * in the same update) and once the thanks page is shown (it asks for the confetti as it connects).
 */
async function orderCountingMotion(page: Page, product: string) {
  const confettiRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('confetti')) confettiRequests.push(request.url());
  });
  await page.addInitScript(() => {
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      const w = window as unknown as { __animations?: number };
      w.__animations = (w.__animations ?? 0) + 1;
      return animate.apply(this, args);
    };
  });
  const animations = () =>
    page.evaluate(() => (window as unknown as { __animations?: number }).__animations ?? 0);
  await page.goto(`/product/${product}`);
  await clientStarted(page);
  await page.getByRole('button', { name: 'add to basket' }).click();
  await expect(page.locator('explore-header checkout-mini-cart .badge')).toHaveText('1');
  const afterAdding = await animations();
  await page
    .locator('explore-header')
    .getByRole('link', { name: /Basket/ })
    .click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByRole('button', { name: 'choose a store' }).click();
  await page
    .getByRole('dialog', { name: 'Stores' })
    .getByRole('listitem')
    .filter({ hasText: 'Central Mall' })
    .getByRole('button', { name: 'select' })
    .click();
  await page.getByRole('button', { name: 'place order' }).click();
  await expect(page.getByRole('heading', { name: 'Thanks for your order!' })).toBeVisible();
  return { afterAdding, confettiRequests };
}

// The pair holds each other up: the same order with motion allowed shows the bounce and the confetti, so the
// counters do see them; with less motion asked for, none — checked once the page has settled, not after a sleep.
test('with motion allowed, the mini cart bounces and the thanks page throws confetti', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const { afterAdding, confettiRequests } = await orderCountingMotion(page, 'AU-04'); // ordered nowhere else
  expect(afterAdding, 'the bounce, in the update that shows the new count').toBeGreaterThan(0);
  await expect
    .poll(() => confettiRequests.length, { message: 'the confetti chunk is asked for' })
    .toBeGreaterThan(0);
  await expect(page.locator('body > canvas')).toHaveCount(1);
});

test('less motion when the shopper asks: no mini-cart bounce, no confetti', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { afterAdding, confettiRequests } = await orderCountingMotion(page, 'AU-05'); // ordered nowhere else
  expect(afterAdding, 'no bounce when the count changed').toBe(0);
  // Nothing left in flight: a confetti chunk asked for as the page connected would have been requested by now.
  await page.waitForLoadState('networkidle');
  expect(confettiRequests).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __animations?: number }).__animations ?? 0)).toBe(
    0,
  );
  await expect(page.locator('body > canvas')).toHaveCount(0);
});
