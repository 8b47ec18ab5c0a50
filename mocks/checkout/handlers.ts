// Checkout's service, mocked, on Checkout's data module (the source of the service's seed: every variant, its
// price and opening stock) and Checkout's own rules (services/checkout/src/rules.ts: limits, refusals, their
// statuses). It keeps a cart and stock in memory, so mock mode behaves like the real service: adding raises
// quantities, stock runs out, an order empties the cart. Each call of createCheckoutHandlers() starts with a
// fresh cart (one per Node test server; one per page in the browser).
import { withinTime } from '@tractor/shared/deadline';
import { checkoutRoutes as routes, type Cart, type Order } from '@tractor/shared/contracts/checkout';
import { HttpError } from '@tractor/shared/contracts/http';
import { pictureUrl } from '@tractor/shared/pictures';
import { mockRoute } from '../contract-handler.js';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { variants as catalog } from '@tractor/checkout-service/data';
import {
  emptyBasket,
  notEnoughStock,
  orderStatus,
  quantityAfterAdding,
  STORE_DIRECTORY_TIMEOUT_MS,
  storeDirectoryDown,
  timedOut,
  unknownStore,
  unknownVariant,
} from '@tractor/checkout-service/rules';

/** Like the service, the mock asks Explore's API (mocked or real, on the same origin) whether a store exists. */
async function storeExists(storeId: string, request: Request): Promise<boolean> {
  try {
    const explore = new ExploreClient({ baseUrl: new URL(request.url).origin });
    await withinTime(STORE_DIRECTORY_TIMEOUT_MS, (signal) => explore.store(storeId, signal));
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return false;
    throw storeDirectoryDown(timedOut(error));
  }
}

export interface CheckoutMockOptions {
  /** Opening stock per SKU instead of the data module's (a test that needs more than the shop holds). */
  readonly stock?: Readonly<Record<string, number>>;
}

export function createCheckoutHandlers(options: CheckoutMockOptions = {}) {
  const stock = new Map(catalog.map((v) => [v.sku, options.stock?.[v.sku] ?? v.stock]));
  let cart = new Map<string, number>();
  const orders = new Map<string, Order>();

  const variant = (sku: string) => catalog.find((v) => v.sku === sku);
  const snapshot = (): Cart => {
    const lines = [...cart].map(([sku, quantity]) => {
      const v = variant(sku)!;
      return {
        sku,
        productId: v.productId,
        name: v.name,
        image: pictureUrl('product', sku),
        url: `/product/${v.productId}?sku=${sku}`,
        unitPrice: v.price,
        quantity,
        lineTotal: v.price * quantity,
      };
    });
    return {
      lines,
      quantity: lines.reduce((n, l) => n + l.quantity, 0),
      total: lines.reduce((n, l) => n + l.lineTotal, 0),
    };
  };

  return [
    mockRoute(routes.cart, () => snapshot()),

    mockRoute(routes.addToCart, ({ body }) => {
      const known = variant(body.sku) && { stock: stock.get(body.sku) ?? 0 };
      cart.set(body.sku, quantityAfterAdding(cart, body.sku, known));
      return snapshot();
    }),

    mockRoute(routes.removeFromCart, ({ params }) => {
      cart.delete(params.sku);
      return snapshot();
    }),

    mockRoute(routes.offer, ({ params }) => {
      if (!variant(params.sku)) throw unknownVariant(params.sku);
      return { sku: params.sku, price: variant(params.sku)!.price, stock: stock.get(params.sku) ?? 0 };
    }),

    mockRoute(routes.placeOrder, async ({ body }, request, reply) => {
      const earlier = orders.get(body.idempotencyKey);
      if (earlier) {
        reply.code(orderStatus(false));
        return earlier;
      }
      if (cart.size === 0) throw emptyBasket();
      if (!(await storeExists(body.storeId, request))) throw unknownStore(body.storeId);
      for (const sku of [...cart.keys()].sort()) {
        const left = stock.get(sku) ?? 0;
        if (left < cart.get(sku)!) throw notEnoughStock(sku, left);
      }
      for (const [sku, quantity] of cart) stock.set(sku, stock.get(sku)! - quantity);
      const order: Order = { id: String(orders.size + 1), storeId: body.storeId, ...snapshot() };
      orders.set(body.idempotencyKey, order);
      cart = new Map();
      return order;
    }),
  ];
}

export const checkoutHandlers = createCheckoutHandlers();
