// The store on a phone: every page reflows from 320 px up (WCAG 2.1 1.4.10) — nothing scrolls sideways, no link,
// button, picture or heading ends past the screen's right edge — in the server's first view (no script at all)
// and once the client has hydrated it; nothing moves while a page loads; and the whole journey works by tapping.
// Without mobile auto-zoom (isMobile: false), so a page wider than the screen shows as overflow, not as a zoom.
import type { Page } from '@playwright/test';
import { recordVitals, readVitals } from '../web-vitals.js';
import { chooseStore, clientStarted, expect, test } from './fixtures.js';

const WIDTHS = [320, 375, 414] as const;
const PAGES = [
  '/',
  '/products',
  '/products/classic',
  '/product/CL-01',
  '/stores',
  '/checkout/cart',
  '/checkout/checkout',
  '/checkout/thanks',
  '/no-such-page',
] as const;

/** What sticks out past the right edge of the screen: the document's overflow, and each element that ends past it. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('a, button, img, h1, h2, h3, input, select')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5) {
          past.push(
            `<${element.localName}> "${element.textContent?.trim().slice(0, 30)}" ends at ${box.right}`,
          );
        }
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
    };
    visit(document);
    return { sideways: document.documentElement.scrollWidth - width, past };
  });
}

/** Puts a tractor in the basket, so the basket and checkout show their lines. */
const fillBasket = (page: Page) =>
  page.request.post('/checkout/api/cart/items', { data: { sku: 'CL-01-GY' } });

for (const width of WIDTHS) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 }, isMobile: false, hasTouch: true });

    test.describe('the server’s first view, no script', () => {
      test.use({ javaScriptEnabled: false });
      test('no page scrolls sideways, nothing ends past the edge', async ({ page }) => {
        await fillBasket(page);
        for (const url of PAGES) {
          // What the server sent, as it sent it (the basket and checkout pages are the browser's to render).
          await page.goto(url);
          expect(await overflow(page), url).toEqual({ sideways: 0, past: [] });
        }
      });
    });

    test('hydrated: no page scrolls sideways, nothing ends past the edge, nothing moves (CLS 0)', async ({
      page,
    }) => {
      await page.addInitScript(recordVitals);
      await fillBasket(page);
      for (const url of PAGES) {
        await page.goto(url);
        await clientStarted(page);
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('heading', { level: 1 }), url).toBeVisible();
        expect(await overflow(page), url).toEqual({ sideways: 0, past: [] });
        expect((await readVitals(page)).cls, url).toBe(0);
      }
    });

    test('the mini cart is whole on screen, and the boundary toggle covers nothing', async ({ page }) => {
      await page.goto('/product/CL-01');
      await clientStarted(page);
      const cart = page.locator('explore-header checkout-mini-cart').getByRole('link');
      const box = (await cart.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Below the footer, not over the page: nothing of the page is under it.
      const toggle = page.getByRole('button', { name: 'Team boundaries' });
      const footer = (await page.locator('explore-footer').boundingBox())!;
      expect((await toggle.boundingBox())!.y).toBeGreaterThanOrEqual(footer.y + footer.height);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    });
  });
}

test.describe('375 px, by tapping', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: false, hasTouch: true });

  test('add to basket → basket → checkout → store picker → order', async ({ page }) => {
    test.setTimeout(60_000);
    // A tractor no other test orders: its stock is this test's.
    await page.goto('/product/CL-03');
    await clientStarted(page);
    await page.getByRole('button', { name: 'add to basket' }).tap();
    await expect(page.getByText('Tractor was added.')).toBeVisible();
    await page.locator('explore-header checkout-mini-cart').getByRole('link').tap();
    await expect(page.getByRole('heading', { name: 'Basket' })).toBeVisible();
    await page.getByRole('link', { name: 'Checkout' }).tap();
    await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await chooseStore(page, 'Central Mall', 'tap');
    await expect(page.getByLabel('Store ID')).toHaveValue('store-c');
    await page.getByRole('button', { name: 'place order' }).tap();
    await expect(page.getByRole('heading', { name: 'Thanks for your order!' })).toBeVisible();
  });
});
