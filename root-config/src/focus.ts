// After a client-side navigation to another page, focus moves to the new page's main heading — where a page
// load would leave a keyboard or screen-reader user — instead of staying on a link that is gone. The first
// page of a visit keeps the browser's own focus. A page that renders its heading after its data arrives is
// waited for (a few seconds at most), and a shopper who has moved focus meanwhile keeps it.
import { getMountedApps } from 'single-spa';

const WAIT_MS = 3000;

/** The focused element, looking into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The <h1> of a page application: in its element's shadow root, or in the container itself (error screen). */
function heading(application: string): HTMLElement | null {
  const container = document.getElementById(`single-spa-application:${application}`);
  const page = container?.firstElementChild;
  return page?.shadowRoot?.querySelector('h1') ?? container?.querySelector('h1') ?? null;
}

/** Page applications are "@tractor/<team>/<page>"; fragments and parcels are not applications. */
const mountedPages = () => getMountedApps().filter((name) => name.split('/').length === 3);

export function setupFocusOnNavigation(): void {
  let started = false;
  let shown: string | undefined;
  // After every reroute, whether applications changed or not (a visit may start on the not-found screen).
  window.addEventListener('single-spa:routing-event', () => {
    const [page] = mountedPages();
    const moved = started && page !== undefined && page !== shown;
    started = true;
    shown = page;
    if (!moved) return; // the visit's first page, or the same page
    const before = deepActiveElement();
    const until = performance.now() + WAIT_MS;
    const tryFocus = () => {
      const active = deepActiveElement();
      if (active !== before && active !== document.body) return; // the shopper has moved on
      const h1 = heading(page);
      if (!h1) {
        if (performance.now() < until) requestAnimationFrame(tryFocus);
        return;
      }
      if (!h1.hasAttribute('tabindex')) h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    };
    tryFocus();
  });
}
