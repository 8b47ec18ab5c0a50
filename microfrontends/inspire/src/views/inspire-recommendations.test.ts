// <inspire-recommendations> in its four states, on Inspire's msw mock (Inspire's data module and algorithm),
// rendered by Lit SSR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspireRoutes } from '@tractor/shared/contracts/inspire';
import { InspireClient } from '@tractor/shared/contracts/inspire/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { inspireHandlers } from '@tractor/mocks/inspire';
import { failRoute } from '@tractor/mocks/contract-handler';
import { renderer } from '../ssr.js';
import './inspire-recommendations.js';

const server = serveMocks(...inspireHandlers);
const SKUS = ['CL-01-GY', 'AU-07-MT'];
/** What Inspire's API answers (its mock, on Inspire's data) for the SKUs. */
const recommendations = async () =>
  (await new InspireClient({ baseUrl: ORIGIN }).recommendations(SKUS)).recommendations;
const HEADING = 'Recommendations';

test('initial: the heading, placeholder tiles, and that the recommendations are loading', async () => {
  const expected = await recommendations();
  const shown = mountView('inspire-recommendations', { properties: { skus: SKUS } }).render();
  assert.equal(shown.text, `${HEADING} Loading recommendations`);
  assert.ok(shown.busy);
  for (const item of expected) assert.ok(!shown.text.includes(item.name), item.name);
});

test('pending: while the recommendations load, the placeholders stay', async () => {
  const view = mountView('inspire-recommendations', { properties: { skus: SKUS } }).connect();
  assert.ok(view.loading, 'it loads');
  assert.equal(view.render().text, `${HEADING} Loading recommendations`);
  await view.settle();
});

test('complete: a tile per recommended variant, with its name, linking to it', async () => {
  const expected = await recommendations();
  assert.ok(expected.length > 0);
  const view = mountView('inspire-recommendations', { properties: { skus: SKUS } }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.busy, false);
  assert.equal(shown.text, [HEADING, ...expected.map((r) => r.name)].join(' '));
  assert.deepEqual(
    shown.links,
    expected.map((r) => ({ text: r.name, href: r.url })),
  );
});

test('error: the recommendations cannot be shown, and the shopper can try again', async () => {
  server.use(failRoute(inspireRoutes.recommendations));
  const view = mountView('inspire-recommendations', { properties: { skus: SKUS } }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, `${HEADING} Recommendations cannot be shown right now. try again`);
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
});

test('server-rendered: the fragment arrives complete for the SKUs the page asks about', async () => {
  const expected = await recommendations();
  const fragment = await renderOnServer(renderer, 'fragment', 'inspire-recommendations', {
    attributes: { skus: SKUS.join(',') },
  });
  assert.equal(fragment?.text, [HEADING, ...expected.map((r) => r.name)].join(' '));
});
