import { clientStarted, expect, test } from './fixtures.js';

test('the store picker opens a dialog, and a choice reaches the host page across shadow roots', async ({
  page,
}) => {
  await page.goto('/stores');
  await expect(page.getByRole('heading', { name: 'Our Stores' })).toBeVisible();
  // The layout adopts the server's DOM when the client starts: add to it only after that.
  await clientStarted(page);
  // Host the fragment the way Checkout's form will: write its tag into a shadow root and listen on the page.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'picker-host';
    host.attachShadow({ mode: 'open' }).innerHTML = '<explore-store-picker></explore-store-picker>';
    document.querySelector('main')!.prepend(host);
    document.addEventListener('explore:store-selected', (event) => {
      document.body.dataset.selectedStore = (event as CustomEvent<string>).detail;
    });
  });

  const picker = page.locator('#picker-host explore-store-picker');
  await expect(picker).toContainText('No store chosen yet.');
  await picker.getByRole('button', { name: 'choose a store' }).click();

  const dialog = page.getByRole('dialog', { name: 'Stores' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(4);
  await dialog
    .getByRole('listitem')
    .filter({ hasText: 'Central Mall' })
    .getByRole('button', { name: 'select' })
    .click();

  await expect(dialog).toBeHidden();
  await expect(picker).toContainText('Central Mall');
  await expect(picker).toContainText('Clown Street 3, Cryo');
  await expect(page.locator('body')).toHaveAttribute('data-selected-store', 'store-c');
});
