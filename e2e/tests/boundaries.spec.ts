import { expect, test } from './fixtures.js';

const EXPLORE = 'rgb(194, 65, 12)';
const INSPIRE = 'rgb(126, 34, 206)';

test('the boundary toggle outlines team parts, also inside shadow roots, and survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Team boundaries' });
  const header = page.locator('explore-header');
  // <inspire-recommendations> lives inside the home page's shadow root.
  const nested = page.locator('explore-home-page inspire-recommendations');
  await expect(nested.getByRole('link')).toHaveCount(4);
  await expect(header).toHaveCSS('outline-width', '0px');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  for (const [part, colour] of [
    [header, EXPLORE],
    [nested, INSPIRE],
    [page.locator('explore-home-page'), EXPLORE],
  ] as const) {
    await expect(part).toHaveCSS('outline-style', 'solid');
    await expect(part).toHaveCSS('outline-width', '3px');
    await expect(part).toHaveCSS('outline-color', colour);
  }
  await expect(header).toHaveAttribute('data-boundary', 'explore');
  await expect(page.locator('explore-home-page')).toHaveAttribute('data-boundary-page', 'explore');
  expect(await nested.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"inspire"');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Team boundaries' })).toHaveAttribute('aria-pressed', 'true');
  await expect(nested).toHaveCSS('outline-width', '3px');

  await page.getByRole('button', { name: 'Team boundaries' }).click();
  await expect(nested).toHaveCSS('outline-width', '0px');
});
