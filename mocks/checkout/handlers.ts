// Checkout's service, mocked, on Checkout's data module (the source of the service's seed: every variant, its
// price and opening stock). It keeps a cart and stock in memory, so mock mode behaves like the real service:
// adding raises quantities, stock runs out, an order empties the cart. Each call of createCheckoutHandlers()
// starts with a fresh cart (one per Node test server; one per page in the browser).
import {
  checkoutRoutes as routes,
  MAX_LINES,
  MAX_QUANTITY,
  type Cart,
  type Order,
} from '@tractor/shared/contracts/checkout';
import { HttpError } from '@tractor/shared/contracts/http';
import { mockRoute } from '../contract-handler.js';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { variants as catalog } from '@tractor/checkout-service/data';

/** Like the service, the mock asks Explore's API (mocked or real, on the same origin) whether a store exists. */
async function storeExists(storeId: string, request: Request): Promise<boolean> {
  try {
    await new ExploreClient({ baseUrl: new URL(request.url).origin }).store(storeId);
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return false;
    throw new HttpError(
      503,
      'The store directory cannot be reached right now. Nothing was ordered and your basket is kept; please try again.',
    );
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
        image: `/cdn/img/product/${sku}.webp`,
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
      if (!variant(body.sku)) throw new HttpError(400, `There is no variant ${body.sku}.`, 'sku');
      const wanted = (cart.get(body.sku) ?? 0) + 1;
      const left = stock.get(body.sku) ?? 0;
      if (wanted > left) {
        throw new HttpError(
          409,
          left ? `Only ${left} of ${body.sku} in stock.` : `${body.sku} is out of stock.`,
          'sku',
        );
      }
      if (wanted > MAX_QUANTITY) {
        throw new HttpError(409, `At most ${MAX_QUANTITY} of one variant per order.`, 'sku');
      }
      if (wanted === 1 && cart.size >= MAX_LINES) {
        throw new HttpError(409, `At most ${MAX_LINES} different variants per order.`, 'sku');
      }
      cart.set(body.sku, wanted);
      return snapshot();
    }),

    mockRoute(routes.removeFromCart, ({ params }) => {
      cart.delete(params.sku);
      return snapshot();
    }),

    mockRoute(routes.offer, ({ params }) => {
      if (!variant(params.sku)) throw new HttpError(404, `There is no variant ${params.sku}.`, 'sku');
      return { sku: params.sku, price: variant(params.sku)!.price, stock: stock.get(params.sku) ?? 0 };
    }),

    mockRoute(routes.placeOrder, async ({ body }, request) => {
      const earlier = orders.get(body.idempotencyKey);
      if (earlier) return earlier;
      if (cart.size === 0) throw new HttpError(400, 'The basket is empty.', 'c_cart');
      if (!(await storeExists(body.storeId, request))) {
        throw new HttpError(400, `There is no store ${body.storeId}.`, 'storeId');
      }
      for (const [sku, quantity] of cart) {
        if ((stock.get(sku) ?? 0) < quantity) {
          throw new HttpError(409, `${sku} is out of stock. Nothing was ordered.`, 'sku');
        }
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
