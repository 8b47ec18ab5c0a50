// The cart lives in the httpOnly cookie c_cart as `SKU_QTY|SKU_QTY` (e.g. `CL-01-GR_2|CL-01-GY_1`).
// Parsing is strict: anything else is bad input, never guessed at.
import { MAX_LINES, MAX_QUANTITY, SKU_PATTERN } from '@tractor/shared/contracts/checkout';

/** SKU → quantity, in the order the shopper added them. */
export type CartItems = ReadonlyMap<string, number>;

export class MalformedCart extends Error {}

// Up to 9 digits: a count, never a number too large to compare.
const ITEM = new RegExp(`^(${SKU_PATTERN.source.slice(1, -1)})_([1-9]\\d{0,8})$`);

export function parseCartCookie(value: string | undefined): CartItems {
  const items = new Map<string, number>();
  if (value === undefined || value === '') return items;
  const parts = value.split('|');
  if (parts.length > MAX_LINES) throw new MalformedCart(`holds more than ${MAX_LINES} lines`);
  for (const part of parts) {
    const match = ITEM.exec(part);
    if (!match) throw new MalformedCart(`"${part.slice(0, 40)}" is not SKU_QUANTITY (e.g. CL-01-GR_2)`);
    const [, sku, quantity] = match as unknown as [string, string, string];
    if (items.has(sku)) throw new MalformedCart(`lists ${sku} twice`);
    if (Number(quantity) > MAX_QUANTITY) {
      throw new MalformedCart(`holds ${quantity} of ${sku}, more than ${MAX_QUANTITY}`);
    }
    items.set(sku, Number(quantity));
  }
  return items;
}

export function formatCartCookie(items: CartItems): string {
  return [...items].map(([sku, quantity]) => `${sku}_${quantity}`).join('|');
}

export function withOneMore(items: CartItems, sku: string): CartItems {
  const next = new Map(items);
  next.set(sku, Math.min((items.get(sku) ?? 0) + 1, MAX_QUANTITY));
  return next;
}

export function without(items: CartItems, sku: string): CartItems {
  const next = new Map(items);
  next.delete(sku);
  return next;
}
