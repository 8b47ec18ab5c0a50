// One table of scenarios — Inspire's recommendations at their edges: no, known, unknown, repeated and too many
// SKUs, malformed lists — run against the service and against its msw mock: the same statuses and the same bodies.
// Both run recommend() from recommendations.ts; this holds the mock to the service's catalogue order and limits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SKUS } from '@tractor/shared/contracts/inspire';
import { inspireHandlers } from '@tractor/mocks/inspire';
import { mockAnswers, outcomes, serviceAnswers, type Answers } from '@tractor/mocks/scenarios';
import { variants } from './data.js';
import { openTestApp } from './test-app.js';

const FOR = '/inspire/api/recommendations';
const times = (n: number, sku: string) => Array<string>(n).fill(sku).join(',');
/** Every SKU of the catalogue but the last two. */
const allButTwo = variants.slice(0, -2).map((v) => v.sku);

const scenarios = {
  'no SKUs: the catalogue’s first variants': [FOR, `${FOR}?skus=`],
  'one SKU': [`${FOR}?skus=CL-01-GR`],
  'two SKUs: their average colour': [`${FOR}?skus=CL-01-GR,CL-01-GY`],
  'a SKU twice is the SKU once': [`${FOR}?skus=CL-01-GR,CL-01-GR`],
  'unknown SKUs are ignored': [`${FOR}?skus=ZZ-99-ZZ`, `${FOR}?skus=CL-01-GR,ZZ-99-ZZ`],
  'equal colours keep the catalogue’s order': [`${FOR}?skus=CL-07-YE`],
  'fewer left than asked for, then none': [
    `${FOR}?skus=${allButTwo.join(',')}`,
    `${FOR}?skus=${variants.map((v) => v.sku).join(',')}`,
  ],
  'a query parameter the contract does not know is ignored': [`${FOR}?skus=CL-01-GR&count=10`],
  'MAX_SKUS SKUs, then one more': [
    `${FOR}?skus=${times(MAX_SKUS, 'CL-01-GR')}`,
    `${FOR}?skus=${times(MAX_SKUS + 1, 'CL-01-GR')}`,
  ],
  'a malformed SKU list': [
    `${FOR}?skus=cl-01-gr`,
    `${FOR}?skus=CL-01-GR,`,
    `${FOR}?skus=CL-01-GR,%20AU-07-MT`,
    `${FOR}?skus=CL-01-GR;AU-07-MT`,
  ],
  'skus given twice': [`${FOR}?skus=CL-01-GR&skus=AU-07-MT`],
} satisfies Record<string, readonly string[]>;

const skusOf = (answer: { body: unknown } | undefined) =>
  (answer!.body as { recommendations: { sku: string }[] }).recommendations.map((r) => r.sku);

let fromService: Answers;

describe('Inspire’s recommendations, the same in the service and its mock', () => {
  test('the service', async () => {
    fromService = await serviceAnswers(openTestApp, scenarios);
    // The table says what the rules are, not only that both agree.
    assert.deepEqual(outcomes(fromService), {
      'no SKUs: the catalogue’s first variants': ['200', '200'],
      'one SKU': ['200'],
      'two SKUs: their average colour': ['200'],
      'a SKU twice is the SKU once': ['200'],
      'unknown SKUs are ignored': ['200', '200'],
      'equal colours keep the catalogue’s order': ['200'],
      'fewer left than asked for, then none': ['200', '200'],
      'a query parameter the contract does not know is ignored': ['200'],
      'MAX_SKUS SKUs, then one more': ['200', '400 skus'],
      'a malformed SKU list': ['400 skus', '400 skus', '400 skus', '400 skus'],
      'skus given twice': ['400 skus'],
    });

    const [none, empty] = fromService['no SKUs: the catalogue’s first variants']!;
    assert.deepEqual(skusOf(none), ['AU-01-SI', 'AU-02-OG', 'AU-02-BL', 'AU-02-GG']);
    assert.deepEqual(empty, none, 'an empty list is no list');
    const [one] = fromService['one SKU']!;
    assert.deepEqual(skusOf(one), ['CL-09-GR', 'CL-14-GR', 'CL-07-GR', 'CL-04-RD'], 'nearest colours first');
    const two = skusOf(fromService['two SKUs: their average colour']![0]);
    assert.ok(!two.includes('CL-01-GR') && !two.includes('CL-01-GY'), 'the SKUs asked about are left out');
    assert.deepEqual(fromService['a SKU twice is the SKU once']![0], one);
    const [onlyUnknown, withUnknown] = fromService['unknown SKUs are ignored']!;
    assert.deepEqual([onlyUnknown, withUnknown], [none, one]);
    // AU-06-CZ and CL-11-YE have the very same colour; AU-06-CZ comes first in the catalogue.
    assert.deepEqual(skusOf(fromService['equal colours keep the catalogue’s order']![0]), [
      'AU-03-YE',
      'AU-06-CZ',
      'CL-11-YE',
      'AU-07-YE',
    ]);
    const [fewer, noneLeft] = fromService['fewer left than asked for, then none']!;
    assert.deepEqual(
      skusOf(fewer).toSorted(),
      variants
        .slice(-2)
        .map((v) => v.sku)
        .toSorted(),
    );
    assert.deepEqual(skusOf(noneLeft), []);
    assert.deepEqual(fromService['a query parameter the contract does not know is ignored']![0], one);
    assert.deepEqual(fromService['MAX_SKUS SKUs, then one more']![0], one);
  });

  test('the mock answers every scenario as the service did', async () => {
    assert.ok(fromService, 'the service’s answers come first');
    const fromMock = await mockAnswers(inspireHandlers, scenarios);
    for (const [name, answers] of Object.entries(fromService)) {
      assert.deepEqual(fromMock[name], answers, name);
    }
  });
});
