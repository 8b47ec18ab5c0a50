// Run after every other test (it breaks a service of the shared test store). With Explore's service not
// answering, a product page still has Explore's header and footer — its bundle comes from the asset store, not
// from its service — and Explore's fragments are not blank. A service that exits is started again.
import { execFileSync } from 'node:child_process';
import { team } from '../../shared/teams.js';
import { STORE_PORT } from '../ports.js';
import { expect, test } from '../tests/fixtures.js';

test.describe.configure({ mode: 'serial' });

const port = STORE_PORT + team('explore').portOffset;
const health = () =>
  fetch(`http://127.0.0.1:${port}/health/ready`).then(
    (r) => r.status,
    () => 0,
  );

/** The process listening on a port of this machine (ss from iproute2), or undefined. */
function listener(): number | undefined {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  return pid ? Number(pid) : undefined;
}

test('with Explore’s service hung, the header and footer still render on a product page', async ({
  page,
  problems,
}) => {
  test.setTimeout(60_000);
  problems.expect(/503|504|explore\/api|did not answer/);
  const explore = listener()!;
  process.kill(explore, 'SIGSTOP');
  try {
    await page.goto('/product/CL-01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Heritage Workhorse');
    const header = page.locator('explore-header');
    await expect(header.getByRole('link', { name: 'Machines' })).toBeVisible();
    await expect(header.locator('checkout-mini-cart')).toBeVisible();
    await expect(page.locator('explore-footer')).toContainText('The Tractor Store');
    // Recommendations are Inspire's: Explore hanging does not touch them.
    await expect(page.locator('decide-product-page inspire-recommendations').getByRole('link')).toHaveCount(
      4,
    );
    // The basket (Checkout) still works.
    await page.getByRole('button', { name: 'add to basket' }).click();
    await expect(header.locator('checkout-mini-cart .badge')).toHaveText('1');
  } finally {
    process.kill(explore, 'SIGCONT');
  }
});

test('a service that exits is started again by npm start, and answers', async () => {
  const before = listener()!;
  process.kill(before, 'SIGKILL');
  await expect.poll(() => listener() !== undefined && listener() !== before, { timeout: 30_000 }).toBe(true);
  await expect.poll(health, { timeout: 30_000 }).toBe(200);
});
