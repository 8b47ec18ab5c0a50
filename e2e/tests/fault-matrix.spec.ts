// The fault matrix (docs/faults.md): for each team, its service down (503), hung (never answers)
// or failing (500), and its bundle missing (404) or throwing when evaluated — on a page that needs it. What the
// shopper sees: the rest of the page works, the broken part says so, and it recovers once the fault is gone.
// Faults are made in the browser's network (page.route), so the shared test store stays whole.
import { createHash } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { clientStarted, expect, test, type Problems } from './fixtures.js';

type Team = 'explore' | 'decide' | 'checkout' | 'inspire';
type ServiceFault = 'down' | 'hung' | 'failing';
type BundleFault = 'missing' | 'throwing';

/** A switchable fault: on until `heal()`. */
async function serviceFault(page: Page, team: Team, fault: ServiceFault) {
  let on = true;
  const hung: Route[] = [];
  await page.route(`**/${team}/api/**`, (route) => {
    if (!on) return route.continue();
    if (fault === 'hung') return void hung.push(route);
    const status = fault === 'down' ? 503 : 500;
    return route.fulfill({
      status,
      json: { statusCode: status, error: 'Error', message: `${team} is ${fault} (test).` },
    });
  });
  return { heal: () => void (on = false) };
}

/**
 * A missing bundle: the team's files answer 404. A throwing bundle: the team's entry file is replaced by one
 * that throws when evaluated — the page's import map is given its integrity, so the browser runs it.
 */
async function bundleFault(page: Page, team: Team, fault: BundleFault) {
  let on = true;
  if (fault === 'missing') {
    await page.route(`**/assets/${team}/**`, (route) =>
      on ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
    );
    return { heal: () => void (on = false) };
  }
  const body = `throw new Error('${team} throws when evaluated (test)');`;
  const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  let entry: string | undefined;
  await page.route(
    (url) => !/\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.includes('/api/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      let html = await response.text();
      entry = new RegExp(`"@tractor/${team}":"([^"]+)"`).exec(html)?.[1];
      const real = entry && new RegExp(`"${entry}":"(sha384-[^"]+)"`).exec(html)?.[1];
      if (on && real) html = html.replaceAll(real, integrity);
      return route.fulfill({ response, body: html });
    },
  );
  await page.route(
    (url) => url.pathname === entry && !url.search,
    (route) => (on ? route.fulfill({ status: 200, contentType: 'text/javascript', body }) : route.continue()),
  );
  return { heal: () => void (on = false) };
}

const header = (page: Page) => page.locator('explore-header');

/** The frame works: the header's links and Checkout's mini cart are there. */
async function frameWorks(page: Page) {
  await expect(header(page).getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(header(page).locator('checkout-mini-cart')).toBeVisible();
}

const serviceCases: {
  team: Team;
  /** Where the shopper starts, and what brings them to the part that asks the team's service. */
  start: string;
  go: (page: Page) => Promise<void>;
  message: string;
  recovered: (page: Page) => Promise<void>;
}[] = [
  {
    team: 'explore',
    start: '/checkout/cart',
    go: (page) => header(page).getByRole('link', { name: 'Machines' }).click(),
    message: 'The machines cannot be shown right now.',
    recovered: (page) => expect(page.getByText('23 products')).toBeVisible(),
  },
  {
    team: 'decide',
    start: '/products',
    go: (page) => page.getByRole('link', { name: /Heritage Workhorse/ }).click(),
    message: 'This product cannot be shown right now',
    recovered: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse'),
  },
  {
    team: 'checkout',
    start: '/products',
    go: (page) => page.getByRole('link', { name: /Heritage Workhorse/ }).click(),
    message: 'Price and stock cannot be shown right now.',
    recovered: (page) => expect(page.getByRole('button', { name: 'add to basket' })).toBeEnabled(),
  },
  {
    team: 'inspire',
    start: '/products',
    go: (page) => page.getByRole('link', { name: /Heritage Workhorse/ }).click(),
    message: 'Recommendations cannot be shown right now.',
    recovered: (page) =>
      expect(page.getByRole('region', { name: 'Recommendations' }).getByRole('link')).toHaveCount(4),
  },
];

const expectFailures = (problems: Problems, team: Team) =>
  problems.expect(new RegExp(`${team}|50[034]|did not answer|Failed to load resource|test\\)`));

for (const { team, start, go, message, recovered } of serviceCases) {
  for (const fault of ['down', 'hung', 'failing'] as const) {
    test(`${team}’s service ${fault}: its part says so, the rest works, "try again" recovers`, async ({
      page,
      problems,
    }) => {
      // A hung service is given up on after the client's timeout (5 s) and one retry.
      test.setTimeout(60_000);
      expectFailures(problems, team);
      await page.goto(start);
      await frameWorks(page);
      await clientStarted(page);
      const { heal } = await serviceFault(page, team, fault);
      await go(page);
      const alert = page.getByRole('alert').filter({ hasText: message });
      await expect(alert).toBeVisible({ timeout: 25_000 });
      await frameWorks(page);
      heal();
      await alert
        .getByRole('button', { name: 'try again' })
        .or(page.getByRole('button', { name: 'try again' }))
        .first()
        .click();
      await recovered(page);
    });
  }
}

for (const fault of ['missing', 'throwing'] as const) {
  test(`Explore’s bundle ${fault}: the server-rendered frame stays, the page works, fragments come back on navigation`, async ({
    page,
    problems,
  }) => {
    expectFailures(problems, 'explore');
    const { heal } = await bundleFault(page, 'explore', fault);
    const failed = page.waitForEvent('console', (m) =>
      m.text().includes('@tractor/explore could not be loaded'),
    );
    await page.goto('/product/CL-01');
    await failed;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(header(page).getByRole('link', { name: 'Machines' })).toBeVisible();
    await page.getByRole('button', { name: 'add to basket' }).click();
    await expect(header(page).locator('checkout-mini-cart .badge')).toHaveText('1');
    heal();
    await clientStarted(page);
    await page.getByRole('link', { name: 'Stormy Sky' }).click();
    await expect
      .poll(() => page.evaluate(() => customElements.get('explore-header') !== undefined))
      .toBe(true);
    await header(page).getByRole('link', { name: 'Machines' }).click();
    await expect(page.getByText('23 products')).toBeVisible();
  });

  test(`Inspire’s bundle ${fault}: the server-rendered recommendations stay, the page works, they come back on navigation`, async ({
    page,
    problems,
  }) => {
    expectFailures(problems, 'inspire');
    const { heal } = await bundleFault(page, 'inspire', fault);
    const failed = page.waitForEvent('console', (m) =>
      m.text().includes('@tractor/inspire could not be loaded'),
    );
    await page.goto('/product/CL-01');
    await failed;
    const recommendations = page.getByRole('region', { name: 'Recommendations' }).getByRole('link');
    await expect(recommendations).toHaveCount(4);
    await page.getByRole('button', { name: 'add to basket' }).click();
    await expect(header(page).locator('checkout-mini-cart .badge')).toHaveText('1');
    heal();
    await clientStarted(page);
    await page.getByRole('link', { name: 'Stormy Sky' }).click();
    await expect
      .poll(() => page.evaluate(() => customElements.get('inspire-recommendations') !== undefined))
      .toBe(true);
    // Live again: they follow the chosen variant.
    await expect(recommendations.first()).toHaveAttribute('href', '/product/AU-06?sku=AU-06-MT');
  });

  test(`Decide’s bundle ${fault}: the error screen inside a working frame; "Try again" loads the page`, async ({
    page,
    problems,
  }) => {
    expectFailures(problems, 'decide');
    const { heal } = await bundleFault(page, 'decide', fault);
    await page.goto('/product/CL-01');
    await expect(page.getByRole('alert')).toContainText('This page is not available right now');
    await frameWorks(page);
    heal();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  });

  test(`Checkout’s bundle ${fault}: the page works, no dead button; the basket comes back on navigation`, async ({
    page,
    problems,
  }) => {
    expectFailures(problems, 'checkout');
    const { heal } = await bundleFault(page, 'checkout', fault);
    const failed = page.waitForEvent('console', (m) =>
      m.text().includes('@tractor/checkout could not be loaded'),
    );
    await page.goto('/product/CL-01');
    await failed;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    await expect(header(page).getByRole('link', { name: 'Machines' })).toBeVisible();
    // Server-rendered, but not live without its code: the button says it cannot be pressed yet.
    await expect(page.getByRole('button', { name: 'add to basket' })).toBeDisabled();
    heal();
    await clientStarted(page);
    await page.getByRole('link', { name: 'Stormy Sky' }).click();
    await expect(page.getByRole('button', { name: 'add to basket' })).toBeEnabled();
    await page.getByRole('button', { name: 'add to basket' }).click();
    await expect(header(page).locator('checkout-mini-cart .badge')).toHaveText('1');
  });
}
