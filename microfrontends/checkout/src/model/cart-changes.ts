// How the cart's changes travel. In this page: the DOM event `checkout:cart-updated`, which bubbles out of the
// fragment (any team may listen). To the shop's other tabs: Checkout's own BroadcastChannel. Checkout's
// controllers announce with announceCart() and follow with CartChangesController. Plain TypeScript: an
// EventTarget and a BroadcastChannel are there in Node too.
import { cartUpdated } from '@tractor/shared/events';

/** The channel Checkout's tabs share. Checkout's own: no other team listens on it. */
export const CART_CHANNEL = 'tractor:checkout-cart';

/** A message on the channel: the cart now holds `quantity` units. */
export interface CartChange {
  readonly quantity: number;
}

/** The cart now holds `quantity` units: tell this page (from `source`) and the other tabs. */
export function announceCart(source: EventTarget, quantity: number): void {
  source.dispatchEvent(cartUpdated({ quantity }));
  const channel = new BroadcastChannel(CART_CHANNEL);
  channel.postMessage({ quantity } satisfies CartChange);
  channel.close();
}
