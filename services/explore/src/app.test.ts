// Explore's service against a real (in-memory) PostgreSQL: PGlite, migrated and seeded like production.
// Set TEST_DATABASE_URL=postgres://… to run the same tests on a real PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentedRoutesAreServed, seedHolds } from '@tractor/chassis/testing';
import { categories, products, stores, teasers } from './data.js';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
before(async () => (service = await openTestApp()));
after(() => service.close());

const get = async (url: string) => {
  const response = await service.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('catalog', () => {
  test('all machines: 23, highest start price first', async () => {
    const { body } = await get('/explore/api/products');
    assert.equal(body.category, null);
    assert.equal(body.products.length, 23);
    assert.deepEqual(body.products[0], {
      id: 'AU-04',
      name: 'Sapphire Sunworker 460R',
      url: '/product/AU-04',
      image: body.products[0].image,
      startPrice: 8500,
    });
    assert.equal(body.products.at(-1).name, 'TerraFirma AutoCultivator T-300');
    assert.equal(body.products.at(-1).startPrice, 1000);
  });

  test('classic: 15, autonomous: 8, with the category names of the data', async () => {
    const classic = await get('/explore/api/products?category=classic');
    assert.equal(classic.body.category.name, 'Classics');
    assert.equal(classic.body.products.length, 15);
    const autonomous = await get('/explore/api/products?category=autonomous');
    assert.equal(autonomous.body.category.name, 'Autonomous');
    assert.equal(autonomous.body.products.length, 8);
    assert.deepEqual(
      autonomous.body.categories.map((c: { name: string }) => c.name),
      ['Classics', 'Autonomous'],
    );
  });

  test('sort=price-asc reverses the order', async () => {
    const { body } = await get('/explore/api/products?sort=price-asc');
    assert.equal(body.products[0].startPrice, 1000);
  });

  test('home teasers and stores', async () => {
    const home = await get('/explore/api/home');
    assert.deepEqual(
      home.body.teasers.map((t: { title: string; url: string }) => [t.title, t.url]),
      [
        ['Classic Tractors', '/products/classic'],
        ['Autonomous Tractors', '/products/autonomous'],
      ],
    );
    const stores = await get('/explore/api/stores');
    assert.equal(stores.body.stores.length, 4);
    const central = await get('/explore/api/stores/store-c');
    assert.deepEqual(central.body, {
      id: 'store-c',
      name: 'Central Mall',
      street: 'Clown Street 3',
      city: 'Cryo',
      image: '/cdn/img/store/store-c.webp',
    });
  });
});

describe('bad input gets a 400 naming the problem, never a 500', () => {
  const cases: [string, string, RegExp][] = [
    ['/explore/api/products?category=tanks', 'category', /one of classic, autonomous/],
    ['/explore/api/products?sort=cheapest', 'sort', /one of price-desc, price-asc/],
    ['/explore/api/products?category=classic&category=autonomous', 'category', /must be a string|one of/],
    ['/explore/api/stores/Store%20C', 'id', /store id like store-a/],
    [`/explore/api/stores/${'a'.repeat(41)}`, 'id', /store id like store-a/],
  ];
  for (const [url, field, message] of cases) {
    test(url.length > 90 ? `${url.slice(0, 90)}…` : url, async () => {
      const { status, body } = await get(url);
      assert.equal(status, 400);
      assert.equal(body.field, field);
      assert.match(body.message, message);
      assert.equal(body.error, 'Bad Request');
    });
  }

  test('an over-long path parameter is refused without a 500', async () => {
    const { status } = await get(`/explore/api/stores/${'a'.repeat(300)}`);
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
});

describe('unknown things get a 404 JSON', () => {
  test('an unknown store', async () => {
    const { status, body } = await get('/explore/api/stores/store-z');
    assert.equal(status, 404);
    assert.equal(body.field, 'id');
    assert.match(body.message, /no store store-z/);
  });

  test('an unknown route', async () => {
    const { status, body } = await get('/explore/api/nothing-here');
    assert.equal(status, 404);
    assert.equal(body.statusCode, 404);
  });
});

describe('operations', () => {
  test('GET /health reports the database', async () => {
    const { status, body } = await get('/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ready', service: 'explore', database: service.db.kind });
  });

  test('GET /metrics counts requests by route and status', async () => {
    await get('/explore/api/stores');
    const response = await service.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(response.headers['content-type'] as string, /text\/plain/);
    assert.match(
      response.body,
      /http_request_duration_seconds_count\{[^}]*route="\/explore\/api\/stores"[^}]*\} \d+/,
    );
    assert.match(response.body, /process_resident_memory_bytes/);
  });
});

describe('HTTP caching', () => {
  test('a strong ETag of exactly the bytes sent; 304 only for that ETag', async () => {
    const { createHash } = await import('node:crypto');
    const first = await service.app.inject('/explore/api/products?category=classic');
    const etag = String(first.headers.etag);
    assert.equal(etag, `"${createHash('sha1').update(first.body).digest('base64url')}"`);
    assert.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=86400');
    const same = await service.app.inject({
      url: '/explore/api/products?category=classic',
      headers: { 'if-none-match': etag },
    });
    assert.equal(same.statusCode, 304);
    assert.equal(same.body, '');
    const other = await service.app.inject({
      url: '/explore/api/products?category=autonomous',
      headers: { 'if-none-match': etag },
    });
    assert.equal(other.statusCode, 200, 'another body is never a 304');
    assert.notEqual(other.headers.etag, etag);
    const compressed = await service.app.inject({
      url: '/explore/api/products?category=classic',
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.equal(compressed.headers.etag, `${etag.slice(0, -1)}.br"`, 'another representation, another ETag');
  });

  test('errors are never kept', async () => {
    assert.equal((await get('/explore/api/stores/store-zz')).status, 404);
    const again = await service.app.inject('/explore/api/stores/store-zz');
    assert.equal(again.statusCode, 404);
    assert.notEqual(again.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=86400');
  });
});

test('GET /explore/api/openapi.json documents exactly the routes the service serves', () =>
  documentedRoutesAreServed(service.app, 'explore'));

test('the seed holds exactly the data module (src/data.ts), which the mock serves too', () =>
  seedHolds(service.db, { category: categories, product: products, store: stores, teaser: teasers }));
