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
import { ProductController } from './product-controller.js';

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

function setup(href: string) {
  const win = Object.assign(new EventTarget(), { location: { href } as Location });
  const host = new FakeHost();
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
