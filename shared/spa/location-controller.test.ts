import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeHost } from '../testing/fake-host.js';
import { LocationController, ROUTING_EVENT } from './location-controller.js';

function fakeWindow(href: string) {
  const target = new EventTarget();
  return Object.assign(target, { location: { href } as Location });
}

test('follows single-spa routing events while connected, and only then', async () => {
  const win = fakeWindow('http://shop.test/products');
  const host = new FakeHost();
  const location = new LocationController(host, win);
  host.connect();
  await host.updateComplete;
  const updatesBefore = host.updateCount;

  win.location.href = 'http://shop.test/products/classic';
  win.dispatchEvent(new Event(ROUTING_EVENT));
  assert.equal(location.url.pathname, '/products/classic');
  await host.updateComplete;
  assert.equal(host.updateCount, updatesBefore + 1, 'the new URL updates the host');

  host.disconnect();
  win.location.href = 'http://shop.test/stores';
  win.dispatchEvent(new Event(ROUTING_EVENT));
  await host.updateComplete;
  assert.equal(location.url.pathname, '/products/classic', 'a disconnected page does not follow the URL');
  assert.equal(host.updateCount, updatesBefore + 1, 'nor updates its host');
});

test('asks its host to update only when the URL really changed', async () => {
  const win = fakeWindow('http://shop.test/product/CL-01?sku=CL-01-GR');
  const host = new FakeHost();
  const location = new LocationController(host, win);
  host.connect();
  await host.updateComplete;
  const settled = host.updateCount;

  win.dispatchEvent(new Event('popstate'));
  await host.updateComplete;
  assert.equal(host.updateCount, settled, 'same URL: no update');

  win.location.href = 'http://shop.test/product/CL-01?sku=CL-01-GY';
  win.dispatchEvent(new Event('popstate'));
  await host.updateComplete;
  assert.equal(location.url.searchParams.get('sku'), 'CL-01-GY');
  assert.equal(host.updateCount, settled + 1);
});
