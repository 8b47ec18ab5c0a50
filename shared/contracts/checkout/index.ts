// Checkout's contract: the cart (kept in the httpOnly cookie c_cart), what a variant costs and how many are
// left, and placing an order.
import * as z from 'zod/mini';
import { defineRoutes } from '../http.js';
import { ProductId, Sku, StoreId } from '../ids.js';

export { ProductId, Sku, SKU_PATTERN, StoreId } from '../ids.js';

/** The cart cookie's name and its limits: `SKU_QTY|SKU_QTY`, e.g. `CL-01-GR_2|CL-01-GY_1`. */
export const CART_COOKIE = 'c_cart';
/** Lines in one cart (and order): a line of every variant the shop sells still fits. */
export const MAX_LINES = 50;
/**
 * Units of one variant in one cart (and order). A farm may buy a few of one tractor, not dozens: more is a
 * sales call, not a basket. No variant opens with more than 9 in stock, so no cart a shopper could build
 * under the old limit (99) is over this one.
 */
export const MAX_QUANTITY = 10;
export const NAME_MAX = 60;

export const CartLine = z.object({
  sku: Sku,
  productId: ProductId,
  name: z.string(),
  image: z.string(),
  /** The product page with this variant selected. */
  url: z.string(),
  unitPrice: z.int(),
  quantity: z.int(),
  lineTotal: z.int(),
});
export type CartLine = z.infer<typeof CartLine>;

export const Cart = z.object({
  lines: z.array(CartLine),
  /** Units in the cart (the mini cart's badge). */
  quantity: z.int(),
  total: z.int(),
});
export type Cart = z.infer<typeof Cart>;

export const Offer = z.object({ sku: Sku, price: z.int(), stock: z.int() });
export type Offer = z.infer<typeof Offer>;

/** A person's name: trimmed, 1–60 characters, no markup. */
export const PersonName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'is required'),
    z.maxLength(NAME_MAX, `must be at most ${NAME_MAX} characters`),
    z.regex(/^[^<>]*$/, 'must not contain < or >'),
  );

export const OrderRequest = z.object({
  firstName: PersonName,
  lastName: PersonName,
  storeId: StoreId,
  /** Chosen by the client once per checkout: sending the same order twice makes one order. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8–64 letters, digits or dashes')),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

export const Order = z.object({
  id: z.string(),
  storeId: StoreId,
  lines: z.array(CartLine),
  quantity: z.int(),
  total: z.int(),
});
export type Order = z.infer<typeof Order>;

export const checkoutRoutes = defineRoutes({
  cart: { method: 'GET', path: '/checkout/api/cart', response: Cart },
  addToCart: {
    method: 'POST',
    path: '/checkout/api/cart/items',
    body: z.object({ sku: Sku }),
    response: Cart,
  },
  removeFromCart: {
    method: 'DELETE',
    path: '/checkout/api/cart/items/:sku',
    params: z.object({ sku: Sku }),
    response: Cart,
  },
  offer: {
    method: 'GET',
    path: '/checkout/api/variants/:sku',
    params: z.object({ sku: Sku }),
    // Stock changes with every order: the browser asks every time (a 304 when unchanged), never shows it old.
    cache: { maxAge: 0, changesWith: 'orders' },
    response: Offer,
  },
  placeOrder: {
    method: 'POST',
    path: '/checkout/api/orders',
    body: OrderRequest,
    response: Order,
    status: 201,
    // The idempotency key makes a second send the same order: the client may retry it.
    idempotent: true,
  },
});
export type CheckoutRoutes = typeof checkoutRoutes;
