// The phone layout as a reader of the docs sees it: each page's first screen at 375 × 812, into docs/phone/.
// Against a running store: `node --import tsx e2e/phone-screenshots.ts [origin]` (default http://localhost:3000).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

const origin = process.argv[2] ?? 'http://localhost:3000';
const out = path.join(import.meta.dirname, '../docs/phone');
const pages = {
  home: '/',
  category: '/products/classic',
  product: '/product/CL-01',
  stores: '/stores',
  basket: '/checkout/cart',
  checkout: '/checkout/checkout',
};

mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true });
const page = await context.newPage();
await page.request.post(`${origin}/checkout/api/cart/items`, { data: { sku: 'CL-01-GY' } });
for (const [name, url] of Object.entries(pages)) {
  await page.goto(origin + url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/phone/${name}.png`);
}
await browser.close();
