import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { migrate, type Database } from '@tractor/shared/service';
import { openTestDatabase, type TestDatabase } from '@tractor/shared/service/testing';
import { buildGateway, type GatewayOptions } from './gateway.js';
import { integrityOf } from './importmap/assets.js';
import { DeployTokens } from './importmap/tokens.js';

let dist: string;
let assetDir: string;
let database: TestDatabase;
let upstream: FastifyInstance;
let gateway: FastifyInstance;

const TEMPLATE = `<!doctype html><html><head><title>shell</title>
<!-- %HEAD_META% -->
<!-- %IMPORT_MAPS% -->
<script src="/shared/npm/@single-spa/import-map-injector@2/lib/import-map-injector.js"></script>
<!-- %MODULE_PRELOADS% -->
</head><body></body></html>`;
const tokens = new DeployTokens({ explore: 'e', decide: 'd', checkout: 'c' });

const gatewayWith = (db: Database, options: Partial<GatewayOptions> = {}) =>
  buildGateway({
    distDir: dist,
    services: {},
    platform: { db, assetDir, tokens },
    ...options,
  });

before(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'gateway-'));
  assetDir = mkdtempSync(path.join(os.tmpdir(), 'gateway-assets-'));
  writeFileSync(path.join(dist, 'index.html'), TEMPLATE);
  mkdirSync(path.join(dist, 'shared'));
  writeFileSync(path.join(dist, 'shared', 'tractor-ui.0123abcd.js'), 'export {};');
  writeFileSync(
    path.join(dist, 'platform.json'),
    JSON.stringify({
      imports: { '@tractor/root-config': '/tractor-root-config.0123abcd.js' },
      integrity: { '/tractor-root-config.0123abcd.js': 'sha384-root' },
      preloads: ['/tractor-root-config.0123abcd.js'],
    }),
  );
  database = await openTestDatabase();
  await migrate(database.db, path.join(import.meta.dirname, 'importmap/migrations'));

  upstream = Fastify();
  upstream.get('/explore/api/stores', async (request) => ({ stores: [], query: request.query }));
  const origin = await upstream.listen({ port: 0, host: '127.0.0.1' });
  gateway = await gatewayWith(database.db, {
    services: { explore: origin, decide: 'http://127.0.0.1:9' }, // nothing listens on port 9
  });
});
after(async () => {
  await gateway.close();
  await upstream.close();
  await database.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(assetDir, { recursive: true, force: true });
});

/** Publishes and deploys a one-file build of `team` through the gateway's own API. */
async function deployBuild(team: 'explore' | 'decide' | 'checkout', build: string) {
  const file = `tractor-${team}.${build.slice(0, 8)}.js`;
  const bytes = Buffer.from(`export const build = '${build}';`);
  const token = { explore: 'e', decide: 'd', checkout: 'c' }[team];
  const put = await gateway.inject({
    method: 'PUT',
    url: `/importmap/assets/${team}/${build}/${file}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  assert.equal(put.statusCode, 201, put.body);
  const url = `/assets/${team}/${build}/${file}`;
  const deployed = await gateway.inject({
    method: 'PUT',
    url: `/importmap/deployments/${team}`,
    headers: { authorization: `Bearer ${token}`, 'if-match': '*' },
    payload: {
      version: '1.0.0',
      build,
      imports: { [`@tractor/${team}`]: url },
      integrity: { [url]: integrityOf(bytes) },
    },
  });
  assert.equal(deployed.statusCode, 201, deployed.body);
  return { url, integrity: integrityOf(bytes) };
}

test('proxies a team’s API, with the query string', async () => {
  const api = await gateway.inject('/explore/api/stores?x=1');
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json(), { stores: [], query: { x: '1' } });
});

test('a team whose service is down answers 503 JSON, not a hang or an HTML page', async () => {
  const response = await gateway.inject('/decide/api/products/CL-01');
  assert.equal(response.statusCode, 503);
  assert.match(response.json().message, /decide/);
});

test('every page URL gets the page, also the ones under a team prefix; files and APIs get 404 JSON', async () => {
  for (const url of ['/', '/products/classic', '/checkout/cart', '/no/such/page']) {
    const response = await gateway.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.match(response.body, /<title>shell<\/title>/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  }
  for (const url of [
    '/decide/static/tractor-decide.js',
    '/assets/decide/x.js',
    '/importmap/nothing',
    '/x.png',
  ]) {
    const response = await gateway.inject(url);
    assert.equal(response.statusCode, 404, url);
    assert.equal(response.json().statusCode, 404);
  }
  for (const template of ['/index.html', '/platform.json']) {
    assert.equal((await gateway.inject(template)).statusCode, 404, `${template} is not served as it is`);
  }
});

test('the page carries the live map: a deploy shows on the next load, with integrity and preloads', async () => {
  const before = (await gateway.inject('/product/CL-01')).body;
  assert.doesNotMatch(before, /@tractor\/decide/);
  const explore = await deployBuild('explore', 'aaaaaaaaaaaa');
  const decide = await deployBuild('decide', 'bbbbbbbbbbbb');

  const page = (await gateway.inject('/product/CL-01')).body;
  const maps = [...page.matchAll(/<script type="(importmap|injector-importmap)">(.*?)<\/script>/g)].map(
    (m) => ({
      type: m[1],
      map: JSON.parse(m[2]!) as { imports?: Record<string, string>; integrity?: Record<string, string> },
    }),
  );
  assert.equal(maps[0]?.type, 'importmap', 'integrity first, in a native map');
  assert.equal(maps[0]?.map.integrity?.[decide.url], decide.integrity);
  assert.equal(maps[0]?.map.integrity?.['/tractor-root-config.0123abcd.js'], 'sha384-root');
  assert.equal(maps[1]?.map.imports?.['@tractor/decide'], decide.url);
  assert.equal(maps[1]?.map.imports?.['@tractor/root-config'], '/tractor-root-config.0123abcd.js');
  // The product page preloads Decide's module (its page) and Explore's (fragments), with their integrity.
  assert.ok(page.includes(`<link rel="modulepreload" href="${decide.url}" integrity="${decide.integrity}"`));
  assert.ok(
    page.includes(`<link rel="modulepreload" href="${explore.url}" integrity="${explore.integrity}"`),
  );
  const home = (await gateway.inject('/')).body;
  assert.doesNotMatch(home, /modulepreload" href="\/assets\/decide/, 'the home page does not preload Decide');

  const file = await gateway.inject(decide.url);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(file.headers['access-control-allow-origin'], '*');
});

test('hashed shared files are cached for good; missing files are a 404', async () => {
  const ui = await gateway.inject('/shared/tractor-ui.0123abcd.js');
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['cache-control'] as string, /immutable/);
  assert.equal((await gateway.inject('/shared/nope.js')).statusCode, 404);
  assert.equal((await gateway.inject('/favicon.ico')).statusCode, 404);
});

test('mock mode: the worker script, a marked page, the same live map; no proxy', async () => {
  const worker = path.join(assetDir, '..', `worker-${process.pid}.js`);
  writeFileSync(worker, '/* worker */');
  const mock = await gatewayWith(database.db, {
    services: { explore: 'http://127.0.0.1:9' },
    mock: { workerScript: worker },
  });
  try {
    assert.equal((await mock.inject('/mockServiceWorker.js')).body, '/* worker */');
    const page = (await mock.inject('/products')).body;
    assert.match(page, /<meta name="tractor-mode" content="mock" \/>/);
    assert.match(page, /"@tractor\/explore":"\/assets\/explore\//);
    assert.equal((await mock.inject('/explore/api/stores')).statusCode, 404, 'nothing proxied in mock mode');
  } finally {
    await mock.close();
    rmSync(worker, { force: true });
  }
});

test('overrides: one more import map after the live one, before the injector; the overridden team is not preloaded', async () => {
  const dev = await gatewayWith(database.db, {
    overrides: { '@tractor/decide': 'http://localhost:9002/tractor-decide.js' },
  });
  try {
    const html = (await dev.inject('/product/CL-01')).body;
    const live = html.indexOf('"@tractor/decide":"/assets/decide/');
    const override = html.indexOf(
      '{"imports":{"@tractor/decide":"http://localhost:9002/tractor-decide.js"}}',
    );
    assert.ok(live > 0 && override > live, 'after the live map');
    assert.ok(override < html.indexOf('import-map-injector.js'), 'before the injector');
    assert.doesNotMatch(html, /modulepreload" href="\/assets\/decide/);
    assert.match(html, /<meta name="tractor-devtools" content="on" \/>/);
  } finally {
    await dev.close();
  }
});
