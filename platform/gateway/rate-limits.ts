// Per-client limits on Checkout's writes, in the gateway (`npm start`; in production, nginx in front of the teams'
// APIs keeps the same limits: scripts/prod/nginx.ts). Without them one client could write its cart and place
// orders as fast as it can send them: a hand-written cart cookie and a few orders with fresh idempotency keys
// sell out any product. Reads are never limited, nor are other teams' APIs. A client is its address
// (request.ip; IPv6 by its /64): the gateway trusts no proxy header, so a client cannot pick its own.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';

export interface WriteLimit {
  /** Requests one client may send within the window; the one after is a 429 until the window ends. */
  readonly max: number;
  readonly windowMs: number;
}

export interface CheckoutWriteLimits {
  /** Placing orders, and any other write to Checkout's API that is not a cart write. */
  readonly orders: WriteLimit;
  /** Adding to and removing from the cart. */
  readonly cartWrites: WriteLimit;
}

/**
 * A shopper places an order every few minutes at most, and a retry with the same key counts too: five a minute
 * is never in the way of a person, while a script gets five orders a minute (each at most MAX_QUANTITY of a
 * variant) instead of hundreds a second. The e2e suite places 2 orders in all.
 */
export const ORDER_LIMIT: WriteLimit = { max: 5, windowMs: 60_000 };

/**
 * The add button waits for each answer, so a fast shopper makes one or two cart writes a second; 30 in 10 s
 * leaves room for that with bursts (a double click, two tabs), and caps a flood at 3 writes a second. The e2e
 * suite makes about 20 in all, at most 6 within 10 s with its 2 workers.
 */
export const CART_WRITE_LIMIT: WriteLimit = { max: 30, windowMs: 10_000 };

export const CHECKOUT_WRITE_LIMITS: CheckoutWriteLimits = {
  orders: ORDER_LIMIT,
  cartWrites: CART_WRITE_LIMIT,
};

/** The environment variables that raise (or lower) the limits, for a load generator on one address. */
export const WRITE_LIMIT_ENV = { orders: 'ORDERS_PER_MINUTE', cartWrites: 'CART_WRITES_PER_10S' } as const;

/**
 * Field-signal beacons (rum.ts): a page view sends one at most, so a shopper browsing fast sends a few a
 * minute; 120 a minute leaves room for several shoppers behind one address (an office, a mobile carrier's NAT)
 * and the e2e suite's two workers, and keeps one client from flooding the aggregates.
 */
export const BEACON_LIMIT: WriteLimit = { max: 120, windowMs: 60_000 };
export const BEACON_LIMIT_ENV = 'RUM_BEACONS_PER_MINUTE';

/**
 * The gateway's environment behind an edge that limits beacons per client itself (scripts/prod/nginx.ts): the
 * gateway sees the edge's address for every shopper, so its own limit must not count them as one.
 */
export const BEHIND_THE_EDGE = { [BEACON_LIMIT_ENV]: '1000000' } as const;

/** The beacon limit from the environment (BEACON_LIMIT_ENV: a whole number above 0). */
export function beaconLimitFrom(env: NodeJS.ProcessEnv): WriteLimit {
  const value = env[BEACON_LIMIT_ENV];
  if (value === undefined || value === '') return BEACON_LIMIT;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(`${BEACON_LIMIT_ENV} must be a whole number above 0, not "${value}".`);
  }
  return { ...BEACON_LIMIT, max: Number(value) };
}

/** The limits from the environment (WRITE_LIMIT_ENV: a whole number each, within the default's window). */
export function writeLimitsFrom(env: NodeJS.ProcessEnv): CheckoutWriteLimits {
  const read = (kind: keyof CheckoutWriteLimits): WriteLimit => {
    const name = WRITE_LIMIT_ENV[kind];
    const value = env[name];
    const defaults = CHECKOUT_WRITE_LIMITS[kind];
    if (value === undefined || value === '') return defaults;
    if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a whole number above 0, not "${value}".`);
    return { ...defaults, max: Number(value) };
  };
  return { orders: read('orders'), cartWrites: read('cartWrites') };
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CART = checkoutRoutes.cart.path;

/**
 * Which limit a request to Checkout's API counts against. Its path is read as the proxy reads it to pick the
 * service's path (WHATWG URL: `cart/../orders` is `orders`), and every write not to the cart counts as an
 * order: another spelling of a path gets the stricter limit, never none.
 */
function limitOf(request: FastifyRequest): keyof CheckoutWriteLimits | undefined {
  if (READS.has(request.method)) return undefined;
  const path = URL.parse(request.url, 'http://gateway')?.pathname ?? '';
  return path === CART || path.startsWith(`${CART}/`) ? 'cartWrites' : 'orders';
}

/** The refusal, in the services' error shape (fastify's error handler writes it from statusCode and message). */
const refusal =
  (what: string) => (_request: FastifyRequest, context: { statusCode: number; after: string }) =>
    Object.assign(new Error(`Too many ${what} from your address: please try again in ${context.after}.`), {
      statusCode: context.statusCode,
    });

/** Limits the writes to Checkout's API that pass through `scope` (its proxy's scope), per client. */
export async function limitCheckoutWrites(
  scope: FastifyInstance,
  limits: CheckoutWriteLimits = CHECKOUT_WRITE_LIMITS,
): Promise<void> {
  // Not global: the hook below picks one limiter per request (the plugin lets only the first limiter a request
  // meets count it, so two hooks could not each count their own).
  await scope.register(rateLimit, { global: false });
  const limiters = {
    orders: scope.rateLimit({
      max: limits.orders.max,
      timeWindow: limits.orders.windowMs,
      errorResponseBuilder: refusal('orders'),
    }),
    cartWrites: scope.rateLimit({
      max: limits.cartWrites.max,
      timeWindow: limits.cartWrites.windowMs,
      errorResponseBuilder: refusal('changes to the basket'),
    }),
  };
  scope.addHook('onRequest', async function (request, reply) {
    const limit = limitOf(request);
    if (limit) await limiters[limit].call(this, request, reply);
  });
}

/** Limits every request that reaches `scope` (the beacon endpoint's own scope) per client. */
export async function limitBeacons(scope: FastifyInstance, limit: WriteLimit): Promise<void> {
  await scope.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    errorResponseBuilder: refusal('field-signal beacons'),
  });
}
