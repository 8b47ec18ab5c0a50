// The product controller with a fake host, talking to Decide's msw mock through the typed client.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { decideRoutes } from '@tractor/shared/contracts/decide';
import { DecideClient } from '@tractor/shared/contracts/decide/client';
import { LocationController, ROUTING_EVENT } from '@tractor/shared/spa';
import { eventually, FakeHost } from '@tractor/shared/testing';
import { decideHandlers } from '@tractor/mocks/decide';
import { failRoute } from '@tractor/mocks/contract-handler';
import type { ProductSelection } from '../model/product-selection.js';
import { loadProductSeed, renderer } from '../ssr.js';
import { ProductController, type ProductSeed } from './product-controller.js';

const server = setupServer(...decideHandlers);
const client = new DecideClient({ baseUrl: 'http://shop.test' });
let requests = 0;

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', () => void requests++);
});
afterEach(() => {
  server.resetHandlers();
  requests = 0;
});
after(() => server.close());

/** The controller on a fake host at `href`; with `seed`, as if the server had rendered the page with it. */
function setup(href: string, seed?: ProductSeed) {
  const win = Object.assign(new EventTarget(), { location: { href } as Location });
  const host = Object.assign(new FakeHost(), { seed });
  const product = new ProductController(host, client, new LocationController(host, win));
  const go = (next: string) => {
    win.location.href = next;
    win.dispatchEvent(new Event(ROUTING_EVENT));
  };
  const state = () =>
    product.render<[string, unknown]>({
      pending: () => ['pending', undefined],
      complete: (selection) => ['complete', selection],
      notFound: (id) => ['notFound', id],
      error: (error) => ['error', error],
    }) as [string, unknown] | undefined;
  host.connect();
  return { host, product, go, state };
}

const selectedSku = (state: () => [string, unknown] | undefined) =>
  eventually(() => {
    const [kind, value] = state() ?? [];
    return kind === 'complete' ? (value as ProductSelection).selected.sku : undefined;
  });

test('loads the product once; ?sku= changes select variants without asking again', async () => {
  const { go, state, host } = setup('http://shop.test/product/CL-01');
  assert.equal(await selectedSku(state), 'CL-01-GR');

  go('http://shop.test/product/CL-01?sku=CL-01-GY');
  await host.updateComplete;
  assert.equal(await selectedSku(state), 'CL-01-GY');

  go('http://shop.test/product/CL-01?sku=CL-01-GR'); // Back
  await host.updateComplete;
  assert.equal(await selectedSku(state), 'CL-01-GR');
  assert.equal(requests, 1);
});

test('another product id loads that product', async () => {
  const { go, state } = setup('http://shop.test/product/CL-01');
  await selectedSku(state);
  go('http://shop.test/product/AU-01?sku=AU-01-SI');
  await eventually(() => {
    const [kind, value] = state() ?? [];
    return kind === 'complete' && (value as ProductSelection).product.id === 'AU-01' ? true : undefined;
  });
  assert.equal(requests, 2);
});

test('an unknown or malformed product id renders "not found"', async () => {
  for (const href of ['http://shop.test/product/CL-99', 'http://shop.test/product/garbage']) {
    const { state } = setup(href);
    const [kind, id] = await eventually(() => (state()?.[0] === 'notFound' ? state() : undefined));
    assert.equal(kind, 'notFound');
    assert.equal(id, href.split('/').pop());
  }
});

test('a service failure renders the error state, and retry recovers', async () => {
  server.use(failRoute(decideRoutes.product, 503));
  const { product, state } = setup('http://shop.test/product/CL-01');
  await eventually(() => (state()?.[0] === 'error' ? true : undefined));
  server.resetHandlers();
  await product.retry();
  assert.equal(await selectedSku(state), 'CL-01-GR');
});

test('a server-rendered "not found" hydrates as "not found" at once, without asking Decide again', async () => {
  const { go, host, state } = setup('http://shop.test/product/XX-99', { missing: 'XX-99' });
  assert.deepEqual(state(), ['notFound', 'XX-99'], 'the first render is the server’s');
  await host.updateComplete;
  host.requestUpdate();
  await host.updateComplete;
  assert.deepEqual(state(), ['notFound', 'XX-99']);
  assert.equal(requests, 0);

  go('http://shop.test/product/CL-01');
  assert.equal(await selectedSku(state), 'CL-01-GR', 'another product id loads that product');
  assert.equal(requests, 1);
});

test('a "not found" seed for an id the URL no longer names: shown once (hydration), then the URL’s product', async () => {
  const { state } = setup('http://shop.test/product/CL-01', { missing: 'XX-99' });
  assert.equal(state()?.[0], 'notFound');
  assert.equal(await selectedSku(state), 'CL-01-GR');
});

/** Decide's renderer, its API answered by the mock (as the service answers it in-process). */
const renderProduct = (path: string) =>
  renderer.pages.product!(
    {
      url: new URL(path, 'http://shop.test'),
      fetch: (input, init) => fetch(new URL(String(input), 'http://shop.test'), init),
    },
    {},
  );

test('the renderer: a known product is the page with its product; an unknown or malformed id is "not found", status 404', async () => {
  const known = await renderProduct('/product/CL-01?sku=CL-01-GY');
  assert.equal(known?.tag, 'decide-product-page');
  assert.equal(known?.status, undefined);
  const seed = known?.seed as ProductSeed;
  assert.ok('product' in seed);
  assert.equal(seed.product.id, 'CL-01');
  assert.equal(seed.sku, 'CL-01-GY');

  for (const id of ['XX-99', 'garbage', "$'"]) {
    const missing = await renderProduct(`/product/${encodeURIComponent(id)}`);
    assert.equal(missing?.tag, 'decide-product-page', id);
    assert.equal(missing?.status, 404, id);
    assert.deepEqual(missing?.seed, { missing: id });
  }
});

test('the renderer: Decide failing is not "not found" — the page is left to the browser', async () => {
  server.use(failRoute(decideRoutes.product, 503));
  await assert.rejects(renderProduct('/product/CL-01'));
  await assert.rejects(loadProductSeed(client, 'CL-01', null));
});
