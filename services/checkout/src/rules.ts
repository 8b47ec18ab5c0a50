// Checkout's rules, as plain functions of the cart and the stock: what may be added, which refusal an order
// gets, and with which status. The service calls them, and so does Checkout's mock (mocks/checkout), so mock
// mode and every controller test that runs on the mock follow the very rules the service does — a rule changed
// here changes both. No database, no HTTP framework: the errors are the contract's HttpError.
import { CART_COOKIE, MAX_LINES, MAX_QUANTITY } from '@tractor/shared/contracts/checkout';
import { HttpError } from '@tractor/shared/contracts/http';

/** A cart: SKU → quantity, in the order added. */
export type CartQuantities = ReadonlyMap<string, number>;

/**
 * The quantity of `sku` after adding one more, or the refusal: an unknown variant (400), more than is in stock,
 * more than MAX_QUANTITY of one variant, or a new line past MAX_LINES (409; the cart keeps what it had).
 */
export function quantityAfterAdding(
  cart: CartQuantities,
  sku: string,
  variant: { readonly stock: number } | undefined,
): number {
  if (!variant) throw new HttpError(400, { message: `There is no variant ${sku}.`, field: 'sku' });
  const wanted = (cart.get(sku) ?? 0) + 1;
  if (wanted > variant.stock) {
    throw new HttpError(409, {
      message: variant.stock === 0 ? `${sku} is out of stock.` : `Only ${variant.stock} of ${sku} in stock.`,
      field: 'sku',
    });
  }
  if (wanted > MAX_QUANTITY)
    throw new HttpError(409, { message: `At most ${MAX_QUANTITY} of one variant per order.`, field: 'sku' });
  // A cookie over the limit would be refused, and reset, on the next request: the cart would be lost.
  if (wanted === 1 && cart.size >= MAX_LINES) {
    throw new HttpError(409, { message: `At most ${MAX_LINES} different variants per order.`, field: 'sku' });
  }
  return wanted;
}

export const unknownVariant = (sku: string) =>
  new HttpError(404, { message: `There is no variant ${sku}.`, field: 'sku' });

export const emptyBasket = () => new HttpError(400, { message: 'The basket is empty.', field: CART_COOKIE });

export const unknownStore = (storeId: string) =>
  new HttpError(400, { message: `There is no store ${storeId}.`, field: 'storeId' });

/** Explore's store directory did not answer: 504 when it was too slow, 503 when it failed. Nothing is ordered. */
export function storeDirectoryDown(timedOut: boolean): HttpError {
  const kept = 'Nothing was ordered and your basket is kept; please try again.';
  return timedOut
    ? new HttpError(504, { message: `The store directory did not answer in time. ${kept}` })
    : new HttpError(503, { message: `The store directory cannot be reached right now. ${kept}` });
}

/** A line the stock cannot cover when the order is placed: 409, nothing taken. */
export function notEnoughStock(sku: string, left: number): HttpError {
  const what = left === 0 ? `${sku} is out of stock.` : `Only ${left} of ${sku} left.`;
  return new HttpError(409, { message: `${what} Nothing was ordered.`, field: 'sku' });
}

/** Whether a failed ask of the store directory was too slow (ours or Explore's timeout) rather than refused. */
export const timedOut = (error: unknown) =>
  (error instanceof HttpError && error.status === 504) ||
  (error instanceof Error && error.name === 'TimeoutError');

/** How long an order waits for Explore's store directory before it is a 504. */
export const STORE_DIRECTORY_TIMEOUT_MS = 3000;

/**
 * The status of an order's answer: 201 when this request made it, 200 when the same idempotency key had made it
 * already (a double click, a retry after a lost answer) — the first order, whatever the basket holds now.
 */
export const orderStatus = (created: boolean) => (created ? 201 : 200);
