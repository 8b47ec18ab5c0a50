// The current URL as reactive state. A page stays mounted while only its parameters change
// (/products → /products/classic, ?sku=...): single-spa then fires a routing event, not a remount.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Window = Pick<globalThis.Window, 'addEventListener' | 'removeEventListener' | 'location'>;

export const ROUTING_EVENT = 'single-spa:routing-event';

/** On the server there is no window: the URL being rendered (set around one synchronous render). */
let serverUrl: URL | undefined;

/** Renders with `url` as the location every LocationController sees (server-side rendering). */
export function withServerUrl<T>(url: URL, render: () => T): T {
  const previous = serverUrl;
  serverUrl = url;
  try {
    return render();
  } finally {
    serverUrl = previous;
  }
}

export class LocationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #window: Window | undefined;
  #url: URL;

  constructor(host: ReactiveControllerHost, win: Window | undefined = globalThis.window) {
    this.#host = host;
    this.#window = win;
    this.#url = new URL(win?.location.href ?? serverUrl ?? 'http://localhost/');
    host.addController(this);
  }

  get url(): URL {
    return this.#url;
  }

  hostConnected() {
    this.#window?.addEventListener(ROUTING_EVENT, this.#changed);
    this.#window?.addEventListener('popstate', this.#changed);
    this.#changed();
  }

  hostDisconnected() {
    this.#window?.removeEventListener(ROUTING_EVENT, this.#changed);
    this.#window?.removeEventListener('popstate', this.#changed);
  }

  readonly #changed = () => {
    if (!this.#window) return;
    const next = new URL(this.#window.location.href);
    if (next.href === this.#url.href) return;
    this.#url = next;
    this.#host.requestUpdate();
  };
}
