import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CART_UPDATED, type TractorEvents } from '@tractor/shared/events';
import { CART_CHANNEL, type CartChange } from '../model/cart-changes.js';

/**
 * Follows the cart while the host is connected: calls `changed(quantity)` whenever the cart changes, in this
 * tab (the page's `checkout:cart-updated`, see model/cart-changes.ts) or in another one (Checkout's
 * BroadcastChannel). The controllers that show the cart hold one.
 */
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
    this.#channel = new BroadcastChannel(CART_CHANNEL);
    this.#channel.addEventListener('message', this.#onMessage);
  }

  hostDisconnected() {
    this.#events.removeEventListener(CART_UPDATED, this.#onEvent);
    this.#channel?.close();
    this.#channel = undefined;
  }

  readonly #onEvent = (event: Event) =>
    this.#changed((event as TractorEvents[typeof CART_UPDATED]).detail.quantity);

  readonly #onMessage = (event: MessageEvent<CartChange>) => this.#changed(event.data.quantity);
}
