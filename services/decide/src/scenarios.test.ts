// One table of scenarios — Decide's product route at its edges: every product, unknown and malformed ids, a query
// it does not take — run against the service and against its msw mock: the same statuses and the same bodies.
// Both build products with data.ts's productOf; this holds the mock to the service's rows, order and refusals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideHandlers } from '@tractor/mocks/decide';
import { mockAnswers, outcomes, serviceAnswers, type Answers } from '@tractor/mocks/scenarios';
import { products } from './data.js';
import { openTestApp } from './test-app.js';

const PRODUCT = '/decide/api/products';

const scenarios = {
  'every product': products.map((p) => `${PRODUCT}/${p.id}`),
  'a product, its id percent-encoded': [`${PRODUCT}/CL-01`, `${PRODUCT}/CL%2D01`],
  'a query parameter the contract does not know is ignored': [`${PRODUCT}/CL-01?sku=CL-01-GY`],
  'an unknown product': [`${PRODUCT}/CL-99`, `${PRODUCT}/ZZ-00`],
  'a malformed id, or none': [
    `${PRODUCT}/`,
    `${PRODUCT}/cl-01`,
    `${PRODUCT}/CL-1`,
    `${PRODUCT}/CL-01-GR`,
    `${PRODUCT}/%3Cscript%3E`,
    `${PRODUCT}/${'x'.repeat(150)}`,
  ],
} satisfies Record<string, readonly string[]>;

interface Product {
  id: string;
  name: string;
  highlights: string[];
  variants: { sku: string; price: number }[];
}

let fromService: Answers;

describe('Decide’s product route, the same in the service and its mock', () => {
  test('the service', async () => {
    fromService = await serviceAnswers(openTestApp, scenarios);
    // The table says what the rules are, not only that both agree.
    assert.deepEqual(outcomes(fromService), {
      'every product': products.map(() => '200'),
      'a product, its id percent-encoded': ['200', '200'],
      'a query parameter the contract does not know is ignored': ['200'],
      'an unknown product': ['404 id', '404 id'],
      'a malformed id, or none': ['400 id', '400 id', '400 id', '400 id', '400 id', '400 id'],
    });

    const every = fromService['every product']!.map((a) => a.body as Product);
    assert.deepEqual(
      every.map((p) => p.id),
      products.map((p) => p.id),
      'each product is the one asked for',
    );
    for (const product of every) {
      assert.ok(product.highlights.length > 0, `${product.id} has highlights`);
      assert.ok(product.variants.length > 0, `${product.id} has a variant to show first`);
      assert.ok(
        product.variants.every((v) => v.sku.startsWith(`${product.id}-`)),
        `${product.id}'s variants are its own`,
      );
    }
    const [plain, encoded] = fromService['a product, its id percent-encoded']!;
    assert.deepEqual(encoded, plain);
    assert.deepEqual(
      (plain!.body as Product).variants.map((v) => v.sku),
      ['CL-01-GR', 'CL-01-GY'],
      'variants in the catalogue’s order: the first is shown when no SKU is asked for',
    );
    assert.deepEqual(fromService['a query parameter the contract does not know is ignored']![0], plain);
    assert.match(
      (fromService['an unknown product']![0]!.body as { message: string }).message,
      /no product CL-99/,
    );
  });

  test('the mock answers every scenario as the service did', async () => {
    assert.ok(fromService, 'the service’s answers come first');
    const fromMock = await mockAnswers(decideHandlers, scenarios);
    for (const [name, answers] of Object.entries(fromService)) {
      assert.deepEqual(fromMock[name], answers, name);
    }
  });
});
