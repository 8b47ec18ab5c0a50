// The current URL as reactive state. A page stays mounted while only its parameters change
// (/products → /products/classic, ?sku=...): single-spa then fires a routing event, not a remount.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Window = Pick<globalThis.Window, 'addEventListener' | 'removeEventListener' | 'location'>;

export const ROUTING_EVENT = 'single-spa:routing-event';

export class LocationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #window: Window;
  #url: URL;

  constructor(host: ReactiveControllerHost, win: Window = window) {
    this.#host = host;
    this.#window = win;
    this.#url = new URL(win.location.href);
    host.addController(this);
  }

  get url(): URL {
    return this.#url;
  }

  hostConnected() {
    this.#window.addEventListener(ROUTING_EVENT, this.#changed);
    this.#window.addEventListener('popstate', this.#changed);
    this.#changed();
  }

  hostDisconnected() {
    this.#window.removeEventListener(ROUTING_EVENT, this.#changed);
    this.#window.removeEventListener('popstate', this.#changed);
  }

  readonly #changed = () => {
    const next = new URL(this.#window.location.href);
    if (next.href === this.#url.href) return;
    this.#url = next;
    this.#host.requestUpdate();
  };
}
