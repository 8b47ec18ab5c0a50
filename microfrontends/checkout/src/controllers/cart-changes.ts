// How the cart's changes travel. In this page: the DOM event `checkout:cart-updated` (any team may listen).
// To the shop's other tabs: a BroadcastChannel. Checkout's fragments announce with announceCart() and
// follow with CartChangesController.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CART_UPDATED, cartUpdated, type TractorEvents } from '@tractor/shared/events';

const CHANNEL = 'tractor:checkout-cart';

/** The cart now holds `quantity` units: tell this page and the other tabs. */
export function announceCart(source: EventTarget, quantity: number): void {
  source.dispatchEvent(cartUpdated({ quantity }));
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ quantity });
  channel.close();
}

/** Calls `changed(quantity)` whenever the cart changes, in this tab or another one, while the host is connected. */
export class CartChangesController implements ReactiveController {
  readonly #changed: (quantity: number) => void;
  /** Where the page's events arrive: the window (not known on the server, where nothing connects). */
  readonly #target: EventTarget | undefined;
  #channel: BroadcastChannel | undefined;

  constructor(host: ReactiveControllerHost, changed: (quantity: number) => void, target?: EventTarget) {
    this.#changed = changed;
    this.#target = target;
    host.addController(this);
  }

  get #events(): EventTarget {
    return this.#target ?? window;
  }

  hostConnected() {
    this.#events.addEventListener(CART_UPDATED, this.#onEvent);
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.addEventListener('message', this.#onMessage);
  }

  hostDisconnected() {
    this.#events.removeEventListener(CART_UPDATED, this.#onEvent);
    this.#channel?.close();
    this.#channel = undefined;
  }

  readonly #onEvent = (event: Event) =>
    this.#changed((event as TractorEvents[typeof CART_UPDATED]).detail.quantity);

  readonly #onMessage = (event: MessageEvent<{ quantity: number }>) => this.#changed(event.data.quantity);
}
