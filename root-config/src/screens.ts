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

const errorHtml = `<section class="shell-screen" role="alert">
  <h1>This page is not available right now</h1>
  <p>Part of the store could not be loaded. Everything else still works — please try again in a moment.</p>
  <p><button type="button" class="shell-retry" data-tractor-retry>Try again</button> · <a href="/">Back to the shop</a></p>
</section>`;

/**
 * The error screen, as a parcel: shown in the application's container when its module cannot load. What the
 * server rendered there is gone with it, so the container is no longer the server's.
 */
export const errorScreen: ParcelConfigObject = {
  bootstrap: async () => {},
  mount: async ({ domElement }) => {
    const container = domElement as HTMLElement;
    container.removeAttribute('data-ssr');
    container.innerHTML = errorHtml;
    container.querySelector<HTMLElement>('[role="alert"]')!.dataset.shownAt = String(performance.now());
  },
  unmount: async ({ domElement }) => {
    (domElement as HTMLElement).replaceChildren();
  },
};

/** single-spa loads a failed application again only once this long has passed since the failure. */
const RELOAD_AFTER_MS = 200;

/**
 * "Try again" on the error screen: single-spa loads an application that failed to load again on the next
 * route change — this is one, without reloading the page (the module is asked for anew, see modules.ts). A
 * click sooner than single-spa's wait after the failure waits for the rest of it, or it would do nothing.
 */
export function setupRetry(retry: () => void) {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-tractor-retry]');
    if (!button) return;
    // The application renders into its container when it loads: the error screen makes way for it.
    const screen = button.closest<HTMLElement>('[role="alert"]');
    const shownAt = Number(screen?.dataset.shownAt ?? 0);
    screen?.remove();
    setTimeout(retry, Math.max(0, shownAt + RELOAD_AFTER_MS + 10 - performance.now()));
  });
}
