// The gateway's per-client limits on Checkout's writes, with the default limits, in front of a Checkout that keeps
// stock (a fake: the root config may not import a team's service) and an Explore that takes writes too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';
import { buildGateway } from './gateway.js';
import { DeployTokens } from '../importmap/tokens.js';
import { gatewayWorld, type GatewayWorld } from './testing.js';
import {
  CART_WRITE_LIMIT,
  CHECKOUT_WRITE_LIMITS,
  ORDER_LIMIT,
  writeLimitsFrom,
  type CheckoutWriteLimits,
} from './rate-limits.js';

let world: GatewayWorld;
let checkout: FastifyInstance;
let explore: FastifyInstance;
let gateway: FastifyInstance;
const stock = new Map<string, number>();
const STOCK = { 'AU-01-SI': 1000, 'CL-01-GR': 1000, 'CL-01-GY': 1000 };

/** Checkout as the gateway sees it: orders take the cart cookie's units from stock. */
function fakeCheckout() {
  const app = Fastify();
  app.get('/checkout/api/cart', async () => ({ lines: [], quantity: 0, total: 0 }));
  app.get<{ Params: { sku: string } }>('/checkout/api/variants/:sku', async ({ params }) => ({
    sku: params.sku,
    price: 1000,
    stock: stock.get(params.sku),
  }));
  app.post('/checkout/api/cart/items', async () => ({ lines: [], quantity: 1, total: 1000 }));
  app.delete('/checkout/api/cart/items/:sku', async () => ({ lines: [], quantity: 0, total: 0 }));
  app.post('/checkout/api/orders', async (request, reply) => {
    const [sku, quantity] = /c_cart=([\w-]+)_(\d+)/.exec(request.headers.cookie ?? '')!.slice(1);
    stock.set(sku!, stock.get(sku!)! - Number(quantity));
    return reply.code(201).send({ id: crypto.randomUUID() });
  });
  return app;
}

/** A gateway with the default limits, unless told others. */
const gatewayWith = (writeLimits?: CheckoutWriteLimits) =>
  buildGateway({
    distDir: world.dist,
    services: { checkout: origin(checkout), explore: origin(explore) },
    platform: { db: world.db, assetDir: world.assetDir, tokens: new DeployTokens({ checkout: 'c' }) },
    ...(writeLimits ? { writeLimits } : {}),
  });
const origin = (app: FastifyInstance) =>
  `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

before(async () => {
  world = await gatewayWorld();
  checkout = fakeCheckout();
  await checkout.listen({ port: 0, host: '127.0.0.1' });
  explore = Fastify();
  explore.post('/explore/api/stores', async () => ({ ok: true }));
  await explore.listen({ port: 0, host: '127.0.0.1' });
  gateway = await gatewayWith();
});
after(async () => {
  await gateway?.close();
  await checkout?.close();
  await explore?.close();
  await world?.close();
});

/** One client: its own address, its own cart cookie. */
function client(address: string, on = () => gateway) {
  const send = (method: 'GET' | 'POST' | 'DELETE', url: string, cart?: string, payload?: object) =>
    on().inject({
      method,
      url,
      remoteAddress: address,
      headers: cart ? { cookie: `c_cart=${cart}` } : {},
      ...(payload ? { payload } : {}),
    });
  return {
    send,
    order: (cart: string) =>
      send('POST', checkoutRoutes.placeOrder.path, cart, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        storeId: 'store-c',
        idempotencyKey: crypto.randomUUID(),
      }),
    add: (sku: string) => send('POST', checkoutRoutes.addToCart.path, undefined, { sku }),
    remove: (sku: string) => send('DELETE', checkoutRoutes.removeFromCart.path.replace(':sku', sku)),
  };
}

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode);
/**
 * `n` requests one after another, as they come from a client's connections. (Requests started in the same tick,
 * as inject can, are all refused once any is over: the limiter reads its count after the others have raised it.)
 */
async function times<T>(n: number, call: () => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  for (let i = 0; i < n; i++) answers.push(await call());
  return answers;
}

describe('the default limits', () => {
  before(() => {
    for (const [sku, n] of Object.entries(STOCK)) stock.set(sku, n);
  });

  test('a client flooding orders gets 429s with Retry-After and the JSON error; another client still orders; no other stock moves', async () => {
    const flooder = client('203.0.113.1');
    const answers = await times(ORDER_LIMIT.max + 20, () => flooder.order('AU-01-SI_10'));
    assert.deepEqual(statuses(answers), [...Array(ORDER_LIMIT.max).fill(201), ...Array(20).fill(429)]);
    const refused = answers.find((a) => a.statusCode === 429)!;
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= ORDER_LIMIT.windowMs / 1000, `Retry-After ${retryAfter}`);
    assert.match(String(refused.headers['content-type']), /^application\/json/);
    const body = refused.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(body).sort(), ['error', 'message', 'statusCode']);
    assert.equal(body.statusCode, 429);
    assert.equal(body.error, 'Too Many Requests');
    assert.match(
      String(body.message),
      /^Too many orders from your address: please try again in \d+ (seconds?|minutes?)\.$/,
    );
    assert.equal(stock.get('AU-01-SI'), STOCK['AU-01-SI'] - ORDER_LIMIT.max * 10, 'only the allowed orders');

    assert.equal((await client('203.0.113.2').order('CL-01-GR_1')).statusCode, 201, 'another client orders');
    assert.equal(stock.get('CL-01-GR'), STOCK['CL-01-GR'] - 1);
    assert.equal(stock.get('CL-01-GY'), STOCK['CL-01-GY'], 'untouched');
    assert.equal((await flooder.order('CL-01-GY_1')).statusCode, 429, 'whatever it orders next');
    assert.equal(stock.get('CL-01-GY'), STOCK['CL-01-GY']);
  });

  test('cart writes flooded: 429; the same client still reads and orders', async () => {
    const flooder = client('203.0.113.3');
    const adds = await times(CART_WRITE_LIMIT.max, () => flooder.add('CL-01-GR'));
    assert.deepEqual(new Set(statuses(adds)), new Set([200]));
    const refused = await flooder.add('CL-01-GR');
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.json<{ message: string }>().message, /^Too many changes to the basket/);
    assert.equal((await flooder.remove('CL-01-GR')).statusCode, 429, 'removing counts too');
    assert.equal((await flooder.send('GET', checkoutRoutes.cart.path)).statusCode, 200);
    assert.equal((await flooder.order('CL-01-GR_1')).statusCode, 201, 'orders have a limit of their own');
  });

  test('reads of Checkout and other teams’ APIs are never limited', async () => {
    const reader = client('203.0.113.4');
    const reads = await times(200, () => reader.send('GET', '/checkout/api/variants/CL-01-GR'));
    assert.deepEqual(new Set(statuses(reads)), new Set([200]));
    const carts = await times(100, () => reader.send('GET', checkoutRoutes.cart.path));
    assert.deepEqual(new Set(statuses(carts)), new Set([200]));
    const writes = await times(100, () => reader.send('POST', '/explore/api/stores', undefined, {}));
    assert.deepEqual(new Set(statuses(writes)), new Set([200]));
  });

  test('an order path spelled another way counts against the order limit', async () => {
    // Sent as written: inject, fetch and http.request(url) would tidy these paths before the gateway sees them.
    const { port } = new URL(await gateway.listen({ port: 0, host: '127.0.0.1' }));
    const post = (path: string) =>
      new Promise<number>((resolve, reject) =>
        http
          .request(
            {
              host: '127.0.0.1',
              port,
              path,
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: 'c_cart=CL-01-GR_1' },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode!);
            },
          )
          .on('error', reject)
          .end('{}'),
      );
    const spellings = [
      '/checkout/api/cart/../orders',
      '/checkout/api/cart/%2e%2e/orders',
      '/checkout/api/cart/items/../../orders',
      '/checkout/api//orders',
      '/checkout/api/%6Frders',
    ];
    for (const path of spellings) await post(path);
    assert.equal(await post(checkoutRoutes.placeOrder.path), 429);
  });
});

test('raised limits (a load generator playing many shoppers from one address) let its orders through', async () => {
  const raised = await gatewayWith(writeLimitsFrom({ ORDERS_PER_MINUTE: '100', CART_WRITES_PER_10S: '100' }));
  try {
    const load = client('203.0.113.6', () => raised);
    assert.deepEqual(new Set(statuses(await times(100, () => load.order('CL-01-GR_1')))), new Set([201]));
    assert.equal((await load.order('CL-01-GR_1')).statusCode, 429);
  } finally {
    await raised.close();
  }
});

test('limits from the environment: the defaults unless set; a typo is an error, not "no limit"', () => {
  assert.deepEqual(writeLimitsFrom({}), CHECKOUT_WRITE_LIMITS);
  assert.deepEqual(
    writeLimitsFrom({ ORDERS_PER_MINUTE: '', CART_WRITES_PER_10S: '' }),
    CHECKOUT_WRITE_LIMITS,
  );
  assert.deepEqual(writeLimitsFrom({ ORDERS_PER_MINUTE: '500' }), {
    orders: { max: 500, windowMs: ORDER_LIMIT.windowMs },
    cartWrites: CART_WRITE_LIMIT,
  });
  for (const bad of ['0', '-1', '5.5', 'lots', '1e9']) {
    assert.throws(
      () => writeLimitsFrom({ CART_WRITES_PER_10S: bad }),
      /CART_WRITES_PER_10S must be a whole number/,
    );
  }
});
