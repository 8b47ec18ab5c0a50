import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildGateway } from './gateway.js';

let dist: string;
let upstream: FastifyInstance;
let gateway: FastifyInstance;

before(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'gateway-'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><title>shell</title></head></html>',
  );
  mkdirSync(path.join(dist, 'shared'));
  writeFileSync(path.join(dist, 'shared', 'tractor-ui.0123abcd.js'), 'export {};');

  upstream = Fastify();
  upstream.get('/explore/api/stores', async (request) => ({ stores: [], query: request.query }));
  upstream.get('/explore/static/tractor-explore.js', async (_r, reply) =>
    reply.type('text/javascript').send('export {};'),
  );
  const origin = await upstream.listen({ port: 0, host: '127.0.0.1' });

  gateway = await buildGateway({
    distDir: dist,
    services: { explore: origin, decide: 'http://127.0.0.1:9' }, // nothing listens on port 9
  });
});
after(async () => {
  await gateway.close();
  await upstream.close();
  rmSync(dist, { recursive: true, force: true });
});

test('proxies a team’s API and bundle, with the query string', async () => {
  const api = await gateway.inject('/explore/api/stores?x=1');
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json(), { stores: [], query: { x: '1' } });
  const bundle = await gateway.inject('/explore/static/tractor-explore.js');
  assert.equal(bundle.statusCode, 200);
  assert.match(bundle.headers['content-type'] as string, /javascript/);
});

test('a team whose service is down answers 503 JSON, not a hang or an HTML page', async () => {
  const response = await gateway.inject('/decide/static/tractor-decide.js');
  assert.equal(response.statusCode, 503);
  assert.match(response.json().message, /decide/);
});

test('every page URL gets the shell, also the ones under a team prefix', async () => {
  for (const url of ['/', '/products/classic', '/checkout/cart', '/no/such/page']) {
    const response = await gateway.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.match(response.body, /<title>shell<\/title>/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  }
});

test('hashed shared files are cached for good; missing files are a 404', async () => {
  const ui = await gateway.inject('/shared/tractor-ui.0123abcd.js');
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['cache-control'] as string, /immutable/);
  assert.equal((await gateway.inject('/shared/nope.js')).statusCode, 404);
  assert.equal((await gateway.inject('/favicon.ico')).statusCode, 404);
});

test('mock mode: team bundles from their build folders, the worker script, a marked shell; no proxy', async () => {
  const bundles = mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
  writeFileSync(path.join(bundles, 'tractor-explore.js'), 'export const home = {};');
  const worker = path.join(bundles, 'mockServiceWorker.js');
  writeFileSync(worker, '/* worker */');
  const mock = await buildGateway({
    distDir: dist,
    services: { explore: 'http://127.0.0.1:9' },
    mock: { bundles: { explore: bundles }, workerScript: worker },
  });
  try {
    assert.equal((await mock.inject('/explore/static/tractor-explore.js')).statusCode, 200);
    assert.equal((await mock.inject('/mockServiceWorker.js')).body, '/* worker */');
    assert.match((await mock.inject('/products')).body, /<meta name="tractor-mode" content="mock">/);
    assert.equal((await mock.inject('/explore/api/stores')).statusCode, 404, 'nothing proxied in mock mode');
  } finally {
    await mock.close();
    rmSync(bundles, { recursive: true, force: true });
  }
});

test('overrides: one more import map, after the page’s own and before the injector, and the overlay on', async () => {
  writeFileSync(
    path.join(dist, 'index.html'),
    '<html><head><script type="injector-importmap">{}</script><script src=/shared/npm/@single-spa/import-map-injector@2/lib/import-map-injector.js></script></head></html>',
  );
  const dev = await buildGateway({
    distDir: dist,
    services: {},
    overrides: { '@tractor/decide': 'http://localhost:9002/tractor-decide.js' },
  });
  try {
    const html = (await dev.inject('/')).body;
    const override = html.indexOf(
      '{"imports":{"@tractor/decide":"http://localhost:9002/tractor-decide.js"}}',
    );
    assert.ok(override > html.indexOf('type="injector-importmap">{}'), 'after the page’s map');
    assert.ok(override < html.indexOf('import-map-injector.js'), 'before the injector');
    assert.match(html, /<meta name="tractor-devtools" content="on">/);
  } finally {
    await dev.close();
  }
});
