// Checkout's service against a real (in-memory) PostgreSQL: PGlite, migrated and seeded like production.
// Set TEST_DATABASE_URL=postgres://… to run the same tests on a real PostgreSQL.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import { documentedRoutesAreServed, seedHolds } from '@tractor/chassis/testing';
import { MAX_LINES, MAX_QUANTITY } from '@tractor/shared/contracts/checkout';
import { variants } from './data.js';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
const explore = setupServer(...exploreHandlers);
before(async () => {
  explore.listen({ onUnhandledRequest: 'error' });
  service = await openTestApp();
});
afterEach(() => explore.resetHandlers());
after(async () => {
  explore.close();
  await service.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown> & { lines?: { sku: string; lineTotal: number }[] };
  cookie: string | undefined;
  setCookie: string | undefined;
}

/** A shopper: keeps the c_cart cookie between requests, as a browser does. */
function shopper(initialCookie?: string) {
  let cart = initialCookie;
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown): Promise<Answer> => {
    const response = await service.app.inject({
      method,
      url,
      headers: cart === undefined ? {} : { cookie: `c_cart=${cart}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const setCookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('c_cart='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!.slice('c_cart='.length);
      cart = /Expires=Thu, 01 Jan 1970/i.test(setCookie) || value === '' ? undefined : value;
    }
    return { status: response.statusCode, body: response.json(), cookie: cart, setCookie };
  };
  return {
    cart: () => call('GET', '/checkout/api/cart'),
    add: (sku: unknown) => call('POST', '/checkout/api/cart/items', { sku }),
    remove: (sku: string) => call('DELETE', `/checkout/api/cart/items/${sku}`),
    order: (order: Record<string, unknown>) => call('POST', '/checkout/api/orders', order),
    get cookie() {
      return cart;
    },
  };
}

const order = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  storeId: 'store-c',
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});
const count = async (sql: string, params: unknown[] = []) =>
  (await service.db.query<{ n: number }>(sql, params))[0]!.n;
const stockOf = async (sku: string) =>
  (await service.db.query<{ stock: number }>('SELECT stock FROM variant WHERE sku = $1', [sku]))[0]!.stock;

describe('the cart', () => {
  test('the spec’s journey: add CL-01-GR twice and CL-01-GY once, then remove CL-01-GY', async () => {
    const s = shopper();
    assert.deepEqual((await s.cart()).body, { lines: [], quantity: 0, total: 0 });
    assert.equal((await s.add('CL-01-GR')).body.quantity, 1);
    assert.equal((await s.add('CL-01-GR')).body.quantity, 2);
    const three = await s.add('CL-01-GY');
    assert.equal(three.body.quantity, 3);
    assert.equal(s.cookie, 'CL-01-GR_2|CL-01-GY_1');
    assert.deepEqual(
      three.body.lines!.map((l) => [l.sku, l.lineTotal]),
      [
        ['CL-01-GR', 11400],
        ['CL-01-GY', 6200],
      ],
    );
    assert.equal(three.body.total, 17600);
    assert.deepEqual(three.body.lines![0], {
      sku: 'CL-01-GR',
      productId: 'CL-01',
      name: 'Heritage Workhorse Verdant Field',
      image: '/cdn/img/product/CL-01-GR.webp',
      url: '/product/CL-01?sku=CL-01-GR',
      unitPrice: 5700,
      quantity: 2,
      lineTotal: 11400,
    });

    const two = await s.remove('CL-01-GY');
    assert.equal(two.body.total, 11400);
    assert.equal(two.body.quantity, 2);
    assert.equal(s.cookie, 'CL-01-GR_2');
  });

  test('the cookie is httpOnly, SameSite=Lax, for the whole site', async () => {
    const { setCookie } = await shopper().add('CL-01-GR');
    assert.match(setCookie!, /^c_cart=CL-01-GR_1;/);
    assert.match(setCookie!, /HttpOnly/);
    assert.match(setCookie!, /SameSite=Lax/);
    assert.match(setCookie!, /Path=\//);
  });

  test('removing the last line clears the cookie', async () => {
    const s = shopper('CL-01-GR_1');
    await s.remove('CL-01-GR');
    assert.equal(s.cookie, undefined);
  });

  test('an out-of-stock variant cannot be added; nor more than is in stock', async () => {
    const out = await shopper().add('CL-04-TQ');
    assert.equal(out.status, 409);
    assert.equal(out.body.field, 'sku');
    assert.match(String(out.body.message), /CL-04-TQ is out of stock/);

    const s = shopper();
    assert.equal((await s.add('CL-02-BL')).status, 200); // stock 1
    const more = await s.add('CL-02-BL');
    assert.equal(more.status, 409);
    assert.match(String(more.body.message), /Only 1 of CL-02-BL/);
    assert.equal(s.cookie, 'CL-02-BL_1', 'the cart is unchanged');
  });

  test('what a variant costs and how many are left', async () => {
    const offer = await service.app.inject('/checkout/api/variants/CL-01-GR');
    assert.deepEqual(offer.json(), { sku: 'CL-01-GR', price: 5700, stock: 8 });
    assert.equal((await service.app.inject('/checkout/api/variants/CL-04-TQ')).json().stock, 0);
    assert.equal((await service.app.inject('/checkout/api/variants/ZZ-99-ZZ')).statusCode, 404);
    assert.equal((await service.app.inject('/checkout/api/variants/nope')).statusCode, 400);
  });
});

describe('bad input gets a 400 naming the field, never a 500', () => {
  const cases: [string, () => Promise<Answer>, string, RegExp][] = [
    ['an unknown SKU', () => shopper().add('ZZ-99-ZZ'), 'sku', /no variant ZZ-99-ZZ/],
    ['a malformed SKU', () => shopper().add('cl-01-gr'), 'sku', /SKU like CL-01-GR/],
    ['a SKU of the wrong type', () => shopper().add(5), 'sku', /must be a string/],
    ['no SKU at all', () => shopper().add(undefined), 'sku', /is required/],
    ['a malformed SKU to remove', () => shopper().remove('<b>'), 'sku', /SKU like/],
    [
      'a malformed cart cookie',
      () => shopper('CL-01-GR_2|garbage').cart(),
      'c_cart',
      /garbage.*has been reset/,
    ],
    ['a cart cookie with a zero', () => shopper('CL-01-GR_0').add('CL-01-GY'), 'c_cart', /not SKU_QUANTITY/],
    [
      'an empty first name',
      () => shopper('CL-01-GR_1').order(order({ firstName: '' })),
      'firstName',
      /is required/,
    ],
    [
      'a blank last name',
      () => shopper('CL-01-GR_1').order(order({ lastName: '   ' })),
      'lastName',
      /is required/,
    ],
    [
      'an over-long name',
      () => shopper('CL-01-GR_1').order(order({ firstName: 'A'.repeat(61) })),
      'firstName',
      /at most 60/,
    ],
    [
      'markup in a name',
      () => shopper('CL-01-GR_1').order(order({ lastName: '<img src=x onerror=alert(1)>' })),
      'lastName',
      /must not contain < or >/,
    ],
    [
      'a name of the wrong type',
      () => shopper('CL-01-GR_1').order(order({ firstName: 42 })),
      'firstName',
      /must be a string/,
    ],
    [
      'no idempotency key',
      () => shopper('CL-01-GR_1').order(order({ idempotencyKey: undefined })),
      'idempotencyKey',
      /is required/,
    ],
    [
      'a malformed store id',
      () => shopper('CL-01-GR_1').order(order({ storeId: 'Store C' })),
      'storeId',
      /store id like/,
    ],
    [
      'an unknown store',
      () => shopper('CL-01-GR_1').order(order({ storeId: 'store-z' })),
      'storeId',
      /no store store-z/,
    ],
    ['an empty basket', () => shopper().order(order()), 'c_cart', /basket is empty/],
  ];
  for (const [what, call, field, message] of cases) {
    test(what, async () => {
      const { status, body } = await call();
      assert.equal(status, 400, JSON.stringify(body));
      assert.equal(body.field, field);
      assert.match(String(body.message), message);
    });
  }

  test('a malformed cookie is reset, so the next request works', async () => {
    const s = shopper('nonsense');
    assert.equal((await s.cart()).status, 400);
    assert.equal(s.cookie, undefined);
    assert.equal((await s.cart()).status, 200);
  });

  test('a body that is not JSON', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/checkout/api/orders',
      headers: { 'content-type': 'application/json' },
      payload: '{"firstName":',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().statusCode, 400);
  });
});

describe('the caps (MAX_LINES, MAX_QUANTITY) hold on every path', () => {
  /** `n` cart lines of variants the shop does not sell (the cart leaves them out; the cookie still holds them). */
  const unsoldLines = (n: number) =>
    Array.from({ length: n }, (_, i) => `ZZ-${String(i).padStart(2, '0')}-ZZ_1`).join('|');

  test('adding beyond MAX_QUANTITY of a variant: a clear 409, the cart kept', async () => {
    await service.db.query("UPDATE variant SET stock = $1 WHERE sku = 'AU-07-YE'", [MAX_QUANTITY + 5]);
    const s = shopper(`AU-07-YE_${MAX_QUANTITY - 1}`);
    assert.equal((await s.add('AU-07-YE')).status, 200);
    const refused = await s.add('AU-07-YE');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.field, 'sku');
    assert.match(String(refused.body.message), new RegExp(`At most ${MAX_QUANTITY} of one variant`));
    assert.equal(s.cookie, `AU-07-YE_${MAX_QUANTITY}`, 'the cart is unchanged');
    assert.equal((await s.order(order())).status, 201, 'and can be ordered');
  });

  test('adding a line to a cart of MAX_LINES lines: a clear 409, the cart kept and still readable', async () => {
    const full = `${unsoldLines(MAX_LINES - 1)}|CL-01-GR_1`;
    const s = shopper(full);
    const refused = await s.add('CL-01-GY');
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.field, 'sku');
    assert.match(String(refused.body.message), new RegExp(`At most ${MAX_LINES} different variants`));
    assert.equal(s.cookie, full, 'the cart is unchanged');
    assert.equal((await s.cart()).status, 200);
    assert.equal((await s.add('CL-01-GR')).body.quantity, 2, 'a line already there may still grow');
  });

  for (const [what, cookie] of [
    [`more than ${MAX_QUANTITY} units of a variant`, `CL-01-GR_1|AU-01-SI_${MAX_QUANTITY + 1}`],
    [`more than ${MAX_LINES} lines`, `CL-01-GR_1|${unsoldLines(MAX_LINES)}`],
  ]) {
    test(`a hand-written cookie with ${what}: a clear 400 on every route, nothing ordered`, async () => {
      const ordersBefore = await count('SELECT count(*)::int AS n FROM customer_order');
      const stock = await stockOf('AU-01-SI');
      for (const call of [
        (s: ReturnType<typeof shopper>) => s.cart(),
        (s: ReturnType<typeof shopper>) => s.add('CL-01-GY'),
        (s: ReturnType<typeof shopper>) => s.remove('CL-01-GR'),
        (s: ReturnType<typeof shopper>) => s.order(order()),
      ]) {
        const { status, body } = await call(shopper(cookie));
        assert.equal(status, 400, JSON.stringify(body));
        assert.equal(body.field, 'c_cart');
        assert.match(String(body.message), /^The cart cookie holds .*more than \d+.*; it has been reset\.$/);
      }
      assert.equal(await count('SELECT count(*)::int AS n FROM customer_order'), ordersBefore);
      assert.equal(await stockOf('AU-01-SI'), stock);
    });
  }
});

describe('placing an order', () => {
  test('stores the order with its lines and totals, takes the stock, clears the cart', async () => {
    const before = await stockOf('CL-01-GY');
    const s = shopper('CL-01-GY_2');
    const name = `O'Brien & Söhne`;
    const placed = await s.order(order({ lastName: name }));
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.equal(placed.body.total, 12400);
    assert.equal(placed.body.quantity, 2);
    assert.equal(placed.body.storeId, 'store-c');
    assert.equal(s.cookie, undefined, 'the cart cookie is cleared');
    assert.equal(await stockOf('CL-01-GY'), before - 2);
    const [stored] = await service.db.query<{ last_name: string; total: number; lines: number }>(
      `SELECT last_name, total, (SELECT count(*)::int FROM order_line WHERE order_id = o.id) AS lines
         FROM customer_order o WHERE id = $1`,
      [placed.body.id],
    );
    assert.deepEqual(stored, { last_name: name, total: 12400, lines: 1 });
  });

  test('the same idempotency key twice makes one order', async () => {
    const key = crypto.randomUUID();
    const first = await shopper('CL-01-GR_1').order(order({ idempotencyKey: key }));
    const again = await shopper('CL-01-GR_1').order(order({ idempotencyKey: key }));
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    assert.equal(
      await count('SELECT count(*)::int AS n FROM customer_order WHERE idempotency_key = $1', [key]),
      1,
    );
  });

  test('a resent order gets the first one even when its basket is now empty or its stock gone', async () => {
    await service.db.query("UPDATE variant SET stock = 1 WHERE sku = 'AU-05-ZH'");
    const key = crypto.randomUUID();
    const s = shopper('AU-05-ZH_1');
    const first = await s.order(order({ idempotencyKey: key }));
    assert.equal(first.status, 201);
    assert.equal(s.cookie, undefined, 'the basket is emptied');
    const emptied = await s.order(order({ idempotencyKey: key }));
    assert.equal(emptied.status, 200);
    assert.equal(emptied.body.id, first.body.id);
    const soldOut = await shopper('AU-05-ZH_1').order(order({ idempotencyKey: key }));
    assert.equal(soldOut.status, 200, 'not a 409: this order was placed');
    assert.deepEqual(soldOut.body, first.body);
    assert.equal((await shopper('AU-05-ZH_1').order(order())).status, 409, 'a new order is refused');
  });

  test('ten concurrent submits of one order make one order', async () => {
    const key = crypto.randomUUID();
    const stock = await stockOf('AU-02-OG');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => shopper('AU-02-OG_1').order(order({ idempotencyKey: key }))),
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal(await stockOf('AU-02-OG'), stock - 1);
  });

  test('100 concurrent orders for a SKU with 3 in stock: exactly 3 succeed, the others get a clear 409', async () => {
    await service.db.query("UPDATE variant SET stock = 3 WHERE sku = 'AU-02-BL'");
    const ordersBefore = await count('SELECT count(*)::int AS n FROM customer_order');
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => shopper('AU-02-BL_1').order(order())),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 3);
    assert.equal(statuses.filter((s) => s === 409).length, 97);
    for (const refused of answers.filter((a) => a.status === 409)) {
      assert.match(String(refused.body.message), /AU-02-BL is out of stock\. Nothing was ordered\./);
      assert.equal(refused.body.field, 'sku');
      assert.notEqual(refused.cookie, undefined, 'a refused shopper keeps the cart');
    }
    assert.equal(await stockOf('AU-02-BL'), 0);
    assert.equal(await count('SELECT count(*)::int AS n FROM customer_order'), ordersBefore + 3);
  });

  test('an order needing more than is left is refused as a whole', async () => {
    const before = await stockOf('CL-05-PT'); // 1 left
    const answer = await shopper(`CL-01-GR_1|CL-05-PT_${before + 1}`).order(order());
    assert.equal(answer.status, 409);
    assert.equal(await stockOf('CL-05-PT'), before);
  });

  for (const [what, handler] of [
    ['answers 503', failRoute(exploreRoutes.store, 503)],
    ['cannot be reached', http.get('*/explore/api/stores/:id', () => HttpResponse.error())],
  ] as const) {
    test(`when Explore ${what}: a clear 503, nothing stored, the cart kept`, async () => {
      explore.use(handler);
      const ordersBefore = await count('SELECT count(*)::int AS n FROM customer_order');
      const stock = await stockOf('CL-01-GR');
      const s = shopper('CL-01-GR_1');
      const answer = await s.order(order());
      assert.equal(answer.status, 503);
      assert.match(String(answer.body.message), /store directory cannot be reached.*Nothing was ordered/);
      assert.equal(s.cookie, 'CL-01-GR_1');
      assert.equal(answer.setCookie, undefined);
      assert.equal(await count('SELECT count(*)::int AS n FROM customer_order'), ordersBefore);
      assert.equal(await stockOf('CL-01-GR'), stock);
    });
  }
});

test('when Explore never answers: a 504 within the timeout, nothing stored, the cart kept', async () => {
  explore.use(http.get('*/explore/api/stores/:id', () => delay('infinite')));
  const s = shopper('CL-01-GR_1');
  const started = performance.now();
  const answer = await s.order(order());
  assert.equal(answer.status, 504);
  assert.match(String(answer.body.message), /store directory did not answer in time.*Nothing was ordered/);
  assert.ok(performance.now() - started < 3000, 'within the timeout (1 s here), not hanging');
  assert.equal(s.cookie, 'CL-01-GR_1');
});

test('GET /health and /metrics', async () => {
  const health = await service.app.inject('/health');
  assert.deepEqual(health.json(), { status: 'ready', service: 'checkout', database: service.db.kind });
  assert.match((await service.app.inject('/metrics')).body, /service="checkout"/);
});

test('an order’s trace goes on to Explore: the store check is a span of the same trace', async () => {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) =>
    void seen.push(request.headers.get('traceparent') ?? '');
  explore.events.on('request:start', listener);
  try {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await service.app.inject({
      method: 'POST',
      url: '/checkout/api/orders',
      headers: { cookie: 'c_cart=CL-01-GR_1', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      payload: {
        firstName: 'Ada',
        lastName: 'Trace',
        storeId: 'store-c',
        idempotencyKey: crypto.randomUUID(),
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(seen.length, 1);
    assert.match(seen[0]!, new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    assert.doesNotMatch(seen[0]!, /00f067aa0ba902b7/, 'a new span, not the caller’s');
  } finally {
    explore.events.removeListener('request:start', listener);
  }
});

describe('caching cannot serve a wrong answer', () => {
  const offer = async (sku: string, headers: Record<string, string> = {}) => {
    const response = await service.app.inject({ url: `/checkout/api/variants/${sku}`, headers });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  };

  test('the stock shown after an order is the new stock, also right after a cached read', async () => {
    const before = await offer('AU-03-PL');
    const again = await offer('AU-03-PL');
    assert.equal(again.headers.etag, before.headers.etag, 'kept: the same bytes');
    assert.equal(before.headers['cache-control'], 'no-cache', 'the browser asks every time');
    const stock = (JSON.parse(before.body) as { stock: number }).stock;
    assert.ok(stock > 0);
    const placed = await shopper('AU-03-PL_1').order(order());
    assert.equal(placed.status, 201);
    const after = await offer('AU-03-PL');
    assert.equal((JSON.parse(after.body) as { stock: number }).stock, stock - 1);
    assert.notEqual(after.headers.etag, before.headers.etag);
    // The old ETag no longer matches: a browser holding the old stock gets the new one, not a 304.
    const revalidated = await offer('AU-03-PL', { 'if-none-match': String(before.headers.etag) });
    assert.equal(revalidated.status, 200);
    assert.equal(revalidated.body, after.body);
  });

  test('the cart is never kept: no-store, no ETag, and it follows every change', async () => {
    const s = shopper();
    await s.add('CL-01-GR');
    const first = await service.app.inject({
      url: '/checkout/api/cart',
      headers: { cookie: `c_cart=${s.cookie}` },
    });
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers.etag, undefined);
    await s.add('CL-01-GR');
    assert.equal((await s.cart()).body.quantity, 2);
  });
});

test('GET /checkout/api/openapi.json documents exactly the routes the service serves', () =>
  documentedRoutesAreServed(service.app, 'checkout'));

test('the seed holds exactly the data module (src/data.ts), which the mock serves too', async () => {
  const fresh = await openTestApp(); // this file's orders have taken stock from the shared one
  try {
    await seedHolds(fresh.db, { variant: variants });
  } finally {
    await fresh.close();
  }
});
