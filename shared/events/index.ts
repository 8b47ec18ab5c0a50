// Cross-team messages. Events are the only run-time coupling between teams besides custom elements and
// URLs. Each team bundles its own copy of this file, so listeners read `detail`, never `instanceof`.
// Every event bubbles and is composed: it crosses the shadow roots between a fragment and its host page.

export interface CartUpdatedDetail {
  /** Units in the cart after the change. */
  readonly quantity: number;
}

export const CART_UPDATED = 'checkout:cart-updated';
export const STORE_SELECTED = 'explore:store-selected';

export interface TractorEvents {
  [CART_UPDATED]: CustomEvent<CartUpdatedDetail>;
  /** A shopper picked a pickup store; detail is the store id, e.g. "store-c". */
  [STORE_SELECTED]: CustomEvent<string>;
}

function teamEvent<K extends keyof TractorEvents>(
  name: K,
  detail: TractorEvents[K]['detail'],
): TractorEvents[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as TractorEvents[K];
}

export const cartUpdated = (detail: CartUpdatedDetail) => teamEvent(CART_UPDATED, detail);
export const storeSelected = (storeId: string) => teamEvent(STORE_SELECTED, storeId);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface GlobalEventHandlersEventMap extends TractorEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface WindowEventMap extends TractorEvents {}
}
