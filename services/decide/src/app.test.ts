// Decide's service against a real (in-memory) PostgreSQL: PGlite, migrated and seeded like production.
// Set TEST_DATABASE_URL=postgres://… to run the same tests on a real PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentedRoutesAreServed, seedHolds } from '@tractor/chassis/testing';
import { highlights, products, variants } from './data.js';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
before(async () => (service = await openTestApp()));
after(() => service.close());

const get = async (url: string) => {
  const response = await service.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('products', () => {
  test('CL-01 with its highlights and both variants, in order', async () => {
    const { status, body } = await get('/decide/api/products/CL-01');
    assert.equal(status, 200);
    assert.equal(body.name, 'Heritage Workhorse');
    assert.equal(body.category, 'classic');
    assert.equal(body.highlights.length, 3);
    assert.deepEqual(body.variants, [
      {
        sku: 'CL-01-GR',
        name: 'Verdant Field',
        colour: '#6b8e23',
        price: 5700,
        image: '/cdn/img/product/CL-01-GR.webp',
      },
      {
        sku: 'CL-01-GY',
        name: 'Stormy Sky',
        colour: body.variants[1].colour,
        price: 6200,
        image: '/cdn/img/product/CL-01-GY.webp',
      },
    ]);
  });

  test('AU-01 has its three highlights (misspelt key in the reference data)', async () => {
    const { body } = await get('/decide/api/products/AU-01');
    assert.deepEqual(body.highlights, [
      'Precision GPS mapping optimizes field coverage.',
      'Hybrid engine ensures eco-friendly extended operation.',
      'Fully autonomous with smart obstacle detection and terrain adaptation.',
    ]);
  });

  test('all 23 products and 47 variants are there, each with highlights', async () => {
    const [counts] = await service.db.query<{
      products: number;
      variants: number;
      without: number;
    }>(
      `SELECT (SELECT count(*)::int FROM product) AS products, (SELECT count(*)::int FROM variant) AS variants,
              (SELECT count(*)::int FROM product p WHERE NOT EXISTS (SELECT 1 FROM highlight h WHERE h.product_id = p.id)) AS without`,
    );
    assert.deepEqual(counts, { products: 23, variants: 47, without: 0 });
  });
});

describe('bad input and unknown products', () => {
  test('an unknown product is a 404 naming the id', async () => {
    const { status, body } = await get('/decide/api/products/CL-99');
    assert.equal(status, 404);
    assert.equal(body.field, 'id');
    assert.match(body.message, /no product CL-99/);
  });

  for (const id of ['cl-01', 'CL-1', 'CL-01-GR', '%3Cscript%3E', 'x'.repeat(150)]) {
    test(`"${id.slice(0, 20)}" is a 400 naming the id`, async () => {
      const { status, body } = await get(`/decide/api/products/${id}`);
      assert.equal(status, 400);
      assert.equal(body.field, 'id');
      assert.match(body.message, /product id like CL-01/);
    });
  }

  test('a path parameter longer than the router allows is a 4xx, not a 500', async () => {
    const { status } = await get(`/decide/api/products/${'x'.repeat(500)}`);
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
});

describe('operations', () => {
  test('GET /health and GET /metrics', async () => {
    assert.deepEqual((await get('/health')).body, {
      status: 'ready',
      service: 'decide',
      database: service.db.kind,
    });
    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /service="decide"/);
  });
});

test('GET /decide/api/openapi.json documents exactly the routes the service serves', () =>
  documentedRoutesAreServed(service.app, 'decide'));

test('the seed holds exactly the data module (src/data.ts), which the mock serves too', () =>
  seedHolds(service.db, { product: products, highlight: highlights, variant: variants }));
