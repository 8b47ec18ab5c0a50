// One table of scenarios — Checkout's rules at their edges — run against the service and against its msw mock:
// the same statuses and the same bodies, refusal for refusal. Both call services/checkout/src/rules.ts, and this
// holds them to it: a rule changed in the service and not in the mock fails here, not in mock mode later.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MAX_QUANTITY } from '@tractor/shared/contracts/checkout';
import { createCheckoutHandlers } from '@tractor/mocks/checkout';
import { exploreHandlers } from '@tractor/mocks/explore';
import { openTestApp } from './test-app.js';

/** A variant stocked deeper than MAX_QUANTITY in both (the shop's own stock is never that deep). */
const DEEP = { sku: 'AU-07-MT', stock: MAX_QUANTITY + 5 };
const STORE = '*/explore/api/stores/:id';

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** What Explore's store directory does during a scenario. */
type Directory = 'up' | 'down' | 'slow';

/** A shopper's tab: one cookie jar, requests as JSON. */
function shopper(origin: string) {
  let cookie = '';
  return async (method: string, path: string, body?: object): Promise<Answer> => {
    const response = await fetch(`${origin}/checkout/api${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('c_cart='));
    if (set) cookie = set.split(';')[0]!;
    return { status: response.status, body: await response.json() };
  };
}

const order = (idempotencyKey: string, storeId = 'store-c') => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  storeId,
  idempotencyKey,
});

/**
 * The table: each scenario's answers, in order. `directory` switches what Explore's store directory does.
 * Order ids are left out (each side numbers its own orders); everything else is compared whole.
 */
async function runScenarios(origin: string, directory: (mode: Directory) => void) {
  const results: Record<string, Answer[]> = {};
  const run = async (name: string, steps: (ask: ReturnType<typeof shopper>) => Promise<Answer[]>) => {
    directory('up');
    const ask = shopper(origin);
    results[name] = (await steps(ask)).map(({ status, body }) => ({
      status,
      body: body && typeof body === 'object' && 'id' in body ? { ...body, id: '…' } : body,
    }));
    // Each scenario starts from an empty basket (the mock keeps one basket, the service one per cookie).
    const { body } = await ask('GET', '/cart');
    for (const line of (body as { lines: { sku: string }[] }).lines)
      await ask('DELETE', `/cart/items/${line.sku}`);
  };
  await run('an unknown variant', async (ask) => [
    await ask('POST', '/cart/items', { sku: 'ZZ-99-ZZ' }),
    await ask('GET', '/variants/ZZ-99-ZZ'),
  ]);
  await run('a sold-out variant', async (ask) => [await ask('POST', '/cart/items', { sku: 'CL-04-TQ' })]);
  await run('more than in stock', async (ask) => [
    await ask('POST', '/cart/items', { sku: 'CL-02-BL' }),
    await ask('POST', '/cart/items', { sku: 'CL-02-BL' }),
    await ask('GET', '/cart'),
  ]);
  await run('more than MAX_QUANTITY of one variant', async (ask) => {
    for (let i = 0; i < MAX_QUANTITY; i++) await ask('POST', '/cart/items', { sku: DEEP.sku });
    return [await ask('POST', '/cart/items', { sku: DEEP.sku }), await ask('GET', '/cart')];
  });
  await run('an order with an empty basket', async (ask) => [
    await ask('POST', '/orders', order('key-empty-01')),
  ]);
  await run('an unknown store', async (ask) => [
    await ask('POST', '/cart/items', { sku: 'CL-01-GR' }),
    await ask('POST', '/orders', order('key-nostore-1', 'store-z')),
  ]);
  await run('the store directory down, then slow; the basket is kept', async (ask) => {
    const added = await ask('POST', '/cart/items', { sku: 'CL-01-GR' });
    directory('down');
    const down = await ask('POST', '/orders', order('key-down-0001'));
    directory('slow');
    const slow = await ask('POST', '/orders', order('key-slow-0001'));
    return [added, down, slow, await ask('GET', '/cart')];
  });
  await run('an order, and the same order again', async (ask) => {
    await ask('DELETE', '/cart/items/CL-01-GR');
    await ask('POST', '/cart/items', { sku: 'CL-05-RD' });
    const first = await ask('POST', '/orders', order('key-replay-01'));
    const again = await ask('POST', '/orders', order('key-replay-01'));
    return [first, again, await ask('GET', '/cart'), await ask('GET', '/variants/CL-05-RD')];
  });
  return results;
}

/** Explore's store directory as a scenario wants it, on an msw server that also answers it otherwise. */
function directoryOn(server: ReturnType<typeof setupServer>) {
  return (mode: Directory) => {
    server.resetHandlers();
    if (mode === 'down')
      server.use(http.get(STORE, () => HttpResponse.json({ message: 'down' }, { status: 503 })));
    if (mode === 'slow')
      server.use(
        http.get(STORE, async () => {
          await delay(3500); // past both sides' timeouts (the service's test app waits 1 s, the mock 3 s)
          return HttpResponse.json({ id: 'store-c' });
        }),
      );
  };
}

let fromService: Record<string, Answer[]>;

describe('Checkout’s rules, the same in the service and its mock', () => {
  test('the service', async () => {
    const service = await openTestApp();
    const explore = setupServer(...exploreHandlers);
    explore.listen({ onUnhandledRequest: 'bypass' });
    try {
      await service.db.query('UPDATE variant SET stock = $2 WHERE sku = $1', [DEEP.sku, DEEP.stock]);
      const origin = await service.app.listen({ port: 0, host: '127.0.0.1' });
      fromService = await runScenarios(origin, directoryOn(explore));
    } finally {
      explore.close();
      await service.close();
    }
    // The table says what the rules are, not only that both agree.
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(fromService).map(([name, answers]) => [name, answers.map((a) => a.status)]),
      ),
      {
        'an unknown variant': [400, 404],
        'a sold-out variant': [409],
        'more than in stock': [200, 409, 200],
        'more than MAX_QUANTITY of one variant': [409, 200],
        'an order with an empty basket': [400],
        'an unknown store': [200, 400],
        'the store directory down, then slow; the basket is kept': [200, 503, 504, 200],
        'an order, and the same order again': [201, 200, 200, 200],
      },
    );
    const replay = fromService['an order, and the same order again']!;
    assert.deepEqual(replay[1]!.body, replay[0]!.body, 'a replayed order answers the first order');
  });

  test('the mock answers every scenario as the service did', async () => {
    assert.ok(fromService, 'the service’s answers come first');
    const server = setupServer(
      ...createCheckoutHandlers({ stock: { [DEEP.sku]: DEEP.stock } }),
      ...exploreHandlers,
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const fromMock = await runScenarios('http://mock.test', directoryOn(server));
      for (const [name, answers] of Object.entries(fromService)) {
        assert.deepEqual(fromMock[name], answers, name);
      }
    } finally {
      server.close();
    }
  });
});
