// One table of scenarios — Explore's routes at their edges: found, unknown, malformed, the optional query — run
// against the service and against its msw mock: the same statuses and the same bodies. Both answer from data.ts;
// this holds the mock to the service's sorting, filtering and refusals, so mock mode shows what the store shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreHandlers } from '@tractor/mocks/explore';
import { mockAnswers, outcomes, serviceAnswers, type Answers } from '@tractor/mocks/scenarios';
import { openTestApp } from './test-app.js';

const API = '/explore/api';

const scenarios = {
  'the home page': [`${API}/home`],
  'every machine, by default and by highest start price': [
    `${API}/products`,
    `${API}/products?sort=price-desc`,
  ],
  'every machine, lowest start price first': [`${API}/products?sort=price-asc`],
  'each category': [`${API}/products?category=classic`, `${API}/products?category=autonomous&sort=price-asc`],
  'a query parameter the contract does not know is ignored': [
    `${API}/products?colour=red`,
    `${API}/products?category=classic&colour=red`,
  ],
  'an unknown category': [`${API}/products?category=tanks`, `${API}/products?category=`],
  'an unknown sort': [`${API}/products?sort=cheapest`],
  'a category or a sort given twice': [
    `${API}/products?category=classic&category=autonomous`,
    `${API}/products?sort=price-asc&sort=price-asc`,
  ],
  'the stores': [`${API}/stores`],
  'a store, its id percent-encoded': [`${API}/stores/store-c`, `${API}/stores/store%2Dc`],
  'an unknown store, up to the longest id': [`${API}/stores/store-z`, `${API}/stores/${'a'.repeat(40)}`],
  'a malformed store id, or none': [
    `${API}/stores/`,
    `${API}/stores/Store%20C`,
    `${API}/stores/store_c`,
    `${API}/stores/${'a'.repeat(41)}`,
  ],
} satisfies Record<string, readonly string[]>;

type Tile = { id: string; startPrice: number };
const tiles = (answer: { body: unknown } | undefined) => (answer!.body as { products: Tile[] }).products;

let fromService: Answers;

describe('Explore’s routes, the same in the service and its mock', () => {
  test('the service', async () => {
    fromService = await serviceAnswers(openTestApp, scenarios);
    // The table says what the rules are, not only that both agree.
    assert.deepEqual(outcomes(fromService), {
      'the home page': ['200'],
      'every machine, by default and by highest start price': ['200', '200'],
      'every machine, lowest start price first': ['200'],
      'each category': ['200', '200'],
      'a query parameter the contract does not know is ignored': ['200', '200'],
      'an unknown category': ['400 category', '400 category'],
      'an unknown sort': ['400 sort'],
      'a category or a sort given twice': ['400 category', '400 sort'],
      'the stores': ['200'],
      'a store, its id percent-encoded': ['200', '200'],
      'an unknown store, up to the longest id': ['404 id', '404 id'],
      'a malformed store id, or none': ['400 id', '400 id', '400 id', '400 id'],
    });

    const [byDefault, highestFirst] = fromService['every machine, by default and by highest start price']!;
    assert.deepEqual(byDefault, highestFirst, 'the default sort is highest start price first');
    const all = tiles(byDefault);
    const lowestFirst = tiles(fromService['every machine, lowest start price first']![0]);
    const prices = (list: Tile[]) => list.map((t) => t.startPrice);
    assert.deepEqual(
      prices(all),
      prices(all).toSorted((a, b) => b - a),
    );
    assert.deepEqual(prices(lowestFirst), prices(all).toReversed());
    // Machines of the same start price keep the catalogue's order either way (CL-02 is listed before CL-10).
    const ids = (list: Tile[]) => list.map((t) => t.id).filter((id) => id === 'CL-02' || id === 'CL-10');
    assert.deepEqual(
      [ids(all), ids(lowestFirst)],
      [
        ['CL-02', 'CL-10'],
        ['CL-02', 'CL-10'],
      ],
    );

    const [classic, autonomousUp] = fromService['each category']!;
    assert.deepEqual((classic!.body as { category: unknown }).category, { key: 'classic', name: 'Classics' });
    assert.equal((byDefault!.body as { category: unknown }).category, null, 'no category: every machine');
    const inCategories = [...tiles(classic), ...tiles(autonomousUp)].map((t) => t.id).sort();
    assert.deepEqual(inCategories, all.map((t) => t.id).sort(), 'each machine in exactly one category');
    assert.deepEqual(
      prices(tiles(autonomousUp)),
      prices(tiles(autonomousUp)).toSorted((a, b) => a - b),
    );

    const [unknownParameter, classicUnknownParameter] =
      fromService['a query parameter the contract does not know is ignored']!;
    assert.deepEqual(unknownParameter, byDefault);
    assert.deepEqual(classicUnknownParameter, classic);

    const { stores } = fromService['the stores']![0]!.body as { stores: { id: string }[] };
    const [store, encoded] = fromService['a store, its id percent-encoded']!;
    assert.deepEqual(
      store!.body,
      stores.find((s) => s.id === 'store-c'),
      'a store is as the list shows it',
    );
    assert.deepEqual(encoded, store);
  });

  test('the mock answers every scenario as the service did', async () => {
    assert.ok(fromService, 'the service’s answers come first');
    const fromMock = await mockAnswers(exploreHandlers, scenarios);
    for (const [name, answers] of Object.entries(fromService)) {
      assert.deepEqual(fromMock[name], answers, name);
    }
  });
});
