// Inspire's service against a real (in-memory) PostgreSQL: PGlite, migrated and seeded like production.
// Set TEST_DATABASE_URL=postgres://… to run the same tests on a real PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { variants } from './data.js';
import { Variants } from './variants.js';
import { documentedRoutesAreServed } from '@tractor/chassis/testing';
import { openTestApp } from './test-app.js';

let service: Awaited<ReturnType<typeof openTestApp>>;
before(async () => (service = await openTestApp()));
after(() => service.close());

const get = async (url: string) => {
  const response = await service.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

test('the seed holds exactly the data module (src/data.ts), in its order', async () => {
  assert.deepEqual(await new Variants(service.db).all(), variants);
});

describe('recommendations', () => {
  const expected: [string, string[]][] = [
    ['CL-01-GY,AU-07-MT', ['AU-01-SI', 'CL-11-SK', 'CL-08-GR', 'CL-10-SD']],
    ['CL-01-GR', ['CL-09-GR', 'CL-14-GR', 'CL-07-GR', 'CL-04-RD']],
    ['CL-01-GY', ['AU-06-MT', 'CL-05-PT', 'CL-09-BL', 'AU-03-PL']],
    ['CL-01-GR,CL-01-GY', ['AU-06-MT', 'CL-09-GR', 'CL-07-GR', 'CL-14-GR']],
    ['', ['AU-01-SI', 'AU-02-OG', 'AU-02-BL', 'AU-02-GG']],
  ];
  for (const [skus, list] of expected) {
    test(`for "${skus || 'no SKUs'}" they are the spec's list`, async () => {
      const { status, body } = await get(`/inspire/api/recommendations?skus=${skus}`);
      assert.equal(status, 200);
      assert.deepEqual(
        body.recommendations.map((r: { sku: string }) => r.sku),
        list,
      );
    });
  }

  test('each links to its product page with the SKU', async () => {
    const { body } = await get('/inspire/api/recommendations?skus=CL-01-GR');
    assert.deepEqual(body.recommendations[0], {
      sku: 'CL-09-GR',
      name: 'TerraFirma Veneto Tuscan Green',
      url: '/product/CL-09?sku=CL-09-GR',
      image: '/cdn/img/product/CL-09-GR.webp',
    });
  });

  test('no skus parameter is the same as none', async () => {
    const { body } = await get('/inspire/api/recommendations');
    assert.equal(body.recommendations[0].sku, 'AU-01-SI');
  });

  test('well-formed but unknown SKUs are ignored', async () => {
    const { status, body } = await get('/inspire/api/recommendations?skus=CL-01-GR,ZZ-99-ZZ');
    assert.equal(status, 200);
    assert.equal(body.recommendations[0].sku, 'CL-09-GR');
  });
});

describe('bad input gets a 400 naming the problem, never a 500', () => {
  const cases: [string, RegExp][] = [
    ['/inspire/api/recommendations?skus=CL-01-GR,not-a-sku', /SKU like CL-01-GR/],
    ['/inspire/api/recommendations?skus=cl-01-gr', /SKU like CL-01-GR/],
    ['/inspire/api/recommendations?skus=CL-01-GR,', /SKU like CL-01-GR/],
    ['/inspire/api/recommendations?skus=a&skus=b', /must be a string/],
    [`/inspire/api/recommendations?skus=${Array(51).fill('CL-01-GR').join(',')}`, /at most 50/],
    [`/inspire/api/recommendations?skus=${'A'.repeat(5000)}`, /at most 50/],
  ];
  for (const [url, message] of cases) {
    test(url.length > 90 ? `${url.slice(0, 90)}…` : url, async () => {
      const { status, body } = await get(url);
      assert.equal(status, 400);
      assert.equal(body.field, 'skus');
      assert.match(body.message, message);
      assert.equal(body.error, 'Bad Request');
    });
  }
});

test('GET /inspire/api/openapi.json documents exactly the routes the service serves', () =>
  documentedRoutesAreServed(service.app, 'inspire'));
