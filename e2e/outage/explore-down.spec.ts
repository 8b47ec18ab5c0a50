// Run after every other test (it stops a service of the shared test store): with Explore's service stopped,
// a product page still has Explore's header and footer — its bundle comes from the asset store, not from its
// service — and Explore's fragments show their own error states.
import { execFileSync } from 'node:child_process';
import { team } from '../../shared/teams.js';
import { STORE_PORT } from '../ports.js';
import { expect, test } from '../tests/fixtures.js';

/** The process listening on a port of this machine (ss from iproute2). */
function listener(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}`);
  return Number(pid);
}

test('with Explore’s service stopped, the header and footer still render on a product page', async ({
  page,
  problems,
}) => {
  const port = STORE_PORT + team('explore').portOffset;
  process.kill(listener(port), 'SIGTERM');
  await expect
    .poll(() =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');
  problems.expect(/503|explore\/api/);

  await page.goto('/product/CL-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
  const header = page.locator('explore-header');
  await expect(header.getByRole('link', { name: 'Machines' })).toBeVisible();
  await expect(header.locator('checkout-mini-cart')).toBeVisible();
  await expect(page.locator('explore-footer')).toContainText('The Tractor Store');
  // Explore's recommendations fragment is there, not blank: as the shell last rendered it (a render is reused
  // for a minute), or saying it cannot load.
  const recommendations = page.locator('decide-product-page explore-recommendations');
  await expect(
    recommendations.getByRole('link').or(recommendations.getByRole('alert')).first(),
  ).toBeVisible();
  // The basket (Checkout) still works.
  await page.getByRole('button', { name: 'add to basket' }).click();
  await expect(header.locator('checkout-mini-cart .badge')).toHaveText('1');
});
