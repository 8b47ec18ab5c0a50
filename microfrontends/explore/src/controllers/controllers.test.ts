// Explore's controllers with a fake host, talking to Explore's msw mock through the typed client.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { STORE_SELECTED } from '@tractor/shared/events';
import { LocationController, ROUTING_EVENT } from '@tractor/shared/spa';
import { eventually, FakeHost } from '@tractor/shared/testing';
import { exploreHandlers } from '@tractor/mocks/explore';
import { failRoute } from '@tractor/mocks/contract-handler';
import type { CategoryListing } from '../model/category-listing.js';
import { CatalogController } from './catalog-controller.js';
import { LoadController } from './load-controller.js';
import { StorePickerController } from './store-picker-controller.js';

const server = setupServer(...exploreHandlers);
const client = new ExploreClient({ baseUrl: 'http://shop.test' });
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

test('the catalog follows the URL while mounted and loads the matching category', async () => {
  const win = Object.assign(new EventTarget(), {
    location: { href: 'http://shop.test/products' } as Location,
  });
  const host = new FakeHost();
  const catalog = new CatalogController(host, client, new LocationController(host, win));
  host.connect();

  const all = await completed<CategoryListing>((r) => catalog.render(r));
  assert.equal(all.title, 'All Machines');

  win.location.href = 'http://shop.test/products/autonomous';
  win.dispatchEvent(new Event(ROUTING_EVENT));
  const autonomous = await eventually(() => {
    const listing = catalog.render({ complete: (v) => v }) as CategoryListing | undefined;
    return listing?.title === 'Autonomous' ? listing : undefined;
  });
  assert.ok(autonomous.tiles.length > 0);
  assert.deepEqual(
    requests.map((u) => u.searchParams.get('category')),
    [null, 'autonomous'],
  );
});

test('a failed load renders the error state, and retry recovers', async () => {
  server.use(failRoute(exploreRoutes.stores, 503));
  const host = new FakeHost();
  const stores = new LoadController(host, async (signal) => (await client.stores(signal)).stores);
  host.connect();
  const error = await eventually(() => stores.render({ error: (e) => e }));
  assert.match(String(error), /down/);

  server.resetHandlers();
  await stores.retry();
  const loaded = await completed<readonly { id: string }[]>((r) => stores.render(r));
  assert.equal(loaded.length, 4);
});

test('the store picker loads stores, and a choice dispatches explore:store-selected with the id', async () => {
  const host = new FakeHost();
  const picker = new StorePickerController(host, client);
  host.connect();
  await eventually(() => (picker.picker.stores.length ? true : undefined));

  const updates = host.updateCount;
  picker.choose('store-c');
  assert.equal(picker.picker.chosen?.name, 'Central Mall');

  const [event] = host.events;
  assert.equal(event?.type, STORE_SELECTED);
  assert.equal((event as CustomEvent<string>).detail, 'store-c');
  assert.equal(event?.bubbles, true);
  assert.equal(event?.composed, true);
  await host.updateComplete;
  assert.ok(host.updateCount > updates, 'the host re-renders with the chosen store');
});

test('a load controller loads once on connect and shows its data', async () => {
  const host = new FakeHost();
  const stores = new LoadController(host, async (signal) => (await client.stores(signal)).stores);
  host.connect();
  const loaded = await completed<readonly { id: string }[]>((r) => stores.render(r));
  assert.equal(loaded.length, 4);
  host.requestUpdate();
  await host.updateComplete;
  assert.equal(requests.length, 1, 'an update does not load again');
});
