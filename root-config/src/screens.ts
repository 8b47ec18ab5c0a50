// What the layout shows while a page's module loads, and when it cannot load. The header and footer stay.
import type { ParcelConfigObject } from 'single-spa';

const loadingHtml = `<div class="shell-screen shell-loading" role="status">Loading…</div>`;

/**
 * The loading screen, as a parcel: shown in the application's container while its module loads — unless the
 * server already rendered the page there (data-ssr), which stays on screen instead.
 */
export const loadingScreen: ParcelConfigObject = {
  bootstrap: async () => {},
  mount: async ({ domElement }) => {
    const container = domElement as HTMLElement;
    if (!container.hasAttribute('data-ssr')) container.innerHTML = loadingHtml;
  },
  unmount: async ({ domElement }) => {
    const container = domElement as HTMLElement;
    if (!container.hasAttribute('data-ssr')) container.innerHTML = '';
  },
};

export const errorScreen = `<section class="shell-screen" role="alert">
  <h1>This page is not available right now</h1>
  <p>Part of the store could not be loaded. Everything else still works — please try again in a moment.</p>
  <p><a href="">Try again</a> · <a href="/">Back to the shop</a></p>
</section>`;
