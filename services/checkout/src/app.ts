// Checkout's HTTP surface: the cart in the c_cart cookie, offers, and placing orders.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import { CART_COOKIE, checkoutRoutes as routes, type OrderRequest } from '@tractor/shared/contracts/checkout';
import { addRoute, BadRequest, createServiceApp, forget, type ServiceOptions } from '@tractor/chassis';
import {
  formatCartCookie,
  MalformedCart,
  parseCartCookie,
  withOneMore,
  without,
  type CartItems,
} from './cart-cookie.js';
import { Orders, OutOfStock } from './orders.js';
import { StoresUnavailable, type StoreDirectory } from './stores.js';
import {
  emptyBasket,
  notEnoughStock,
  orderStatus,
  quantityAfterAdding,
  storeDirectoryDown,
  unknownStore,
  unknownVariant,
} from './rules.js';

export interface CheckoutOptions extends Omit<ServiceOptions, 'team'> {
  /** Explore's stores, asked through Explore's typed client. */
  readonly stores: StoreDirectory;
  /** Send the cookie only over HTTPS (production). */
  readonly secureCookies?: boolean;
}

export async function buildCheckoutApp(options: CheckoutOptions): Promise<FastifyInstance> {
  const app = await createServiceApp({ ...options, team: 'checkout', routes });
  await app.register(cookie);
  const orders = new Orders(options.db);
  const cookieOptions: CookieSerializeOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies ?? false,
    maxAge: 30 * 24 * 60 * 60,
    // The value is SKU_QTY|SKU_QTY, exactly as the spec writes it (validated characters only).
    encode: (value) => value,
  };

  function readCart(request: FastifyRequest, reply: FastifyReply): CartItems {
    try {
      return parseCartCookie(request.cookies[CART_COOKIE]);
    } catch (error) {
      if (!(error instanceof MalformedCart)) throw error;
      // Nothing in it can be trusted or recovered: reset it so the next request works again.
      reply.clearCookie(CART_COOKIE, { path: '/' });
      throw new BadRequest({
        field: CART_COOKIE,
        message: `The cart cookie ${error.message}; it has been reset.`,
      });
    }
  }

  function writeCart(reply: FastifyReply, items: CartItems) {
    if (items.size) reply.setCookie(CART_COOKIE, formatCartCookie(items), cookieOptions);
    else reply.clearCookie(CART_COOKIE, { path: '/' });
  }

  addRoute(app, routes.cart, async (_input, { request, reply }) => orders.cart(readCart(request, reply)));

  addRoute(app, routes.addToCart, async ({ body }, { request, reply }) => {
    const items = readCart(request, reply);
    quantityAfterAdding(items, body.sku, await orders.variant(body.sku));
    const next = withOneMore(items, body.sku);
    writeCart(reply, next);
    return orders.cart(next);
  });

  addRoute(app, routes.removeFromCart, async ({ params }, { request, reply }) => {
    const next = without(readCart(request, reply), params.sku);
    writeCart(reply, next);
    return orders.cart(next);
  });

  addRoute(app, routes.offer, async ({ params }) => {
    const offer = await orders.offer(params.sku);
    if (!offer) throw unknownVariant(params.sku);
    return offer;
  });

  addRoute(app, routes.placeOrder, async ({ body }, { request, reply }) => {
    try {
      return await placeOrder(body, request, reply);
    } catch (error) {
      // The same order sent again (a double click, a retry after a lost answer) may find the basket emptied,
      // the stock gone or Explore away: it gets the first order, not a refusal. Asked only on a refusal, so
      // a new order costs no extra query.
      const earlier = await orders.orderByKey(body.idempotencyKey);
      if (!earlier) throw error;
      writeCart(reply, new Map());
      reply.code(orderStatus(false));
      return earlier;
    }
  });

  async function placeOrder(body: OrderRequest, request: FastifyRequest, reply: FastifyReply) {
    const items = readCart(request, reply);
    if (items.size === 0) throw emptyBasket();
    let storeExists: boolean;
    try {
      storeExists = await options.stores.exists(body.storeId, request.id);
    } catch (error) {
      if (!(error instanceof StoresUnavailable)) throw error;
      request.log.warn({ err: error }, 'store directory unavailable');
      throw storeDirectoryDown(error.timedOut);
    }
    if (!storeExists) throw unknownStore(body.storeId);
    try {
      // A key already ordered comes back as that order (created: false), from inside the transaction.
      const { order, created } = await orders.place(body, items);
      // The stock changed: no kept offer may show the old one.
      if (created) forget(app, routes.offer);
      writeCart(reply, new Map());
      reply.code(orderStatus(created));
      return order;
    } catch (error) {
      if (error instanceof OutOfStock) throw notEnoughStock(error.sku, error.left);
      throw error;
    }
  }

  return app;
}
