// Inspire's controller with a fake host, talking to Inspire's msw mock through the typed client.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { inspireRoutes, type Recommendation } from '@tractor/shared/contracts/inspire';
import { InspireClient } from '@tractor/shared/contracts/inspire/client';
import { eventually, FakeHost } from '@tractor/shared/testing';
import { inspireHandlers } from '@tractor/mocks/inspire';
import { failRoute } from '@tractor/mocks/contract-handler';
import { RecommendationsController } from './recommendations-controller.js';

const server = setupServer(...inspireHandlers);
const client = new InspireClient({ baseUrl: 'http://shop.test' });
let requests: URL[] = [];

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => void requests.push(new URL(request.url)));
});
afterEach(() => {
  server.resetHandlers();
  requests = [];
});
after(() => server.close());

const completed = <T>(render: (r: { complete: (v: T) => T }) => unknown) =>
  eventually(() => render({ complete: (value) => value }) as T | undefined);

test('recommendations ask again only when the SKUs change', async () => {
  const host = new FakeHost();
  let skus: readonly string[] = ['CL-01-GR'];
  const recommendations = new RecommendationsController(host, client, () => skus);
  host.connect();
  await completed<readonly Recommendation[]>((r) => recommendations.render(r));

  skus = ['CL-01-GR']; // a new array, the same SKUs
  host.requestUpdate();
  await host.updateComplete;
  skus = ['CL-01-GY'];
  host.requestUpdate();
  await eventually(() => (requests.length === 2 ? true : undefined));
  assert.deepEqual(
    requests.map((u) => u.searchParams.get('skus')),
    ['CL-01-GR', 'CL-01-GY'],
  );
});

test('a failed request renders the error state, and retry recovers', async () => {
  server.use(failRoute(inspireRoutes.recommendations, 503));
  const host = new FakeHost();
  const recommendations = new RecommendationsController(host, client, () => []);
  host.connect();
  const error = await eventually(() => recommendations.render({ error: (e) => e }));
  assert.match(String(error), /down/);

  server.resetHandlers();
  await recommendations.retry();
  const items = await completed<readonly Recommendation[]>((r) => recommendations.render(r));
  assert.equal(items.length, 4);
});
