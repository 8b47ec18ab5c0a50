// The page the gateway makes for every page URL: the layout's routes (its "not found" a 404), the live import
// map with its integrity and preloads, mock mode's and developers' variants, and the strict CSP with its nonce.
// One world for the file: a build deployed stays live for the tests after it, so each test deploys what its
// page shows, and the live map test, which starts from a map without Decide, deploys Decide first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LOCAL_ORIGINS } from './csp.js';
import { pageWorld, type PageWorld } from './testing.js';

let world: PageWorld;
let gateway: FastifyInstance;

before(async () => {
  world = await pageWorld();
  ({ gateway } = world);
});
after(() => world.close());

test('every page URL gets the page, also the ones under a team prefix; files and APIs get 404 JSON', async () => {
  for (const url of ['/', '/products/classic', '/checkout/cart', '/no/such/page']) {
    const response = await gateway.inject(url);
    // This test's layout has pages only at / and /product/:id: the rest is its "Page not found", a 404 page.
    assert.equal(response.statusCode, url === '/' ? 200 : 404, url);
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
  const mapsOf = (html: string) => html.slice(0, html.indexOf('</head>'));
  const before = mapsOf((await gateway.inject('/product/CL-01')).body);
  assert.doesNotMatch(before, /@tractor\/decide/);
  const explore = await world.deploy('explore', 'aaaaaaaaaaaa');
  const decide = await world.deploy('decide', 'bbbbbbbbbbbb');

  const page = (await gateway.inject('/product/CL-01')).body;
  const maps = [
    ...page.matchAll(/<script nonce="[^"]+" type="(importmap|injector-importmap)">(.*?)<\/script>/g),
  ].map((m) => ({
    type: m[1],
    map: JSON.parse(m[2]!) as { imports?: Record<string, string>; integrity?: Record<string, string> },
  }));
  // A shopper's page: one native map, imports and integrity, and no script that blocks the parser.
  assert.equal(maps.length, 1);
  assert.equal(maps[0]?.type, 'importmap');
  assert.equal(maps[0]?.map.integrity?.[decide.url], decide.integrity);
  assert.equal(maps[0]?.map.integrity?.['/tractor-root-config.0123abcd.js'], 'sha384-root');
  assert.equal(maps[0]?.map.imports?.['@tractor/decide'], decide.url);
  assert.equal(maps[0]?.map.imports?.['@tractor/root-config'], '/tractor-root-config.0123abcd.js');
  assert.doesNotMatch(page.slice(0, page.indexOf('</head>')), /<script[^>]* src=/);
  assert.match(
    page,
    /<script nonce="[^"]+" type="module">import\('@lit-labs\/ssr-client\/lit-element-hydrate-support.js'\)\.then\(\(\) => import\('@tractor\/root-config'\)\);/,
    'not server-rendered (no service here): the page boots at once',
  );
  // The product page preloads Decide's module (its page) and Explore's (fragments), with their integrity,
  // after the body's content.
  assert.ok(page.indexOf('rel="modulepreload"') > page.indexOf('</main>'));
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

test('mock mode: the worker script, a marked page, the same live map; no proxy', async () => {
  await world.deploy('explore', 'aaaaaaaaaaaa');
  const worker = path.join(world.assetDir, '..', `worker-${process.pid}.js`);
  writeFileSync(worker, '/* worker */');
  const mock = await world.gatewayWith({
    services: { explore: 'http://127.0.0.1:9' },
    mock: { workerScript: worker },
  });
  try {
    assert.equal((await mock.inject('/mockServiceWorker.js')).body, '/* worker */');
    const page = (await mock.inject('/products')).body;
    assert.match(page, /<meta name="tractor-mode" content="mock" \/>/);
    assert.match(page, /"@tractor\/explore":"\/assets\/explore\//);
    // No service renders the page: the pictures its first view needs are asked for at once, with the page —
    // not its data, which msw answers only once its worker runs.
    // Each picture as the page's <img> will ask for it: the same candidates and sizes, so the same file.
    const home = (await mock.inject('/')).body;
    const preload = /<link rel="preload" as="image" href="\/cdn\/img\/scene\/classics.webp"[^>]*>/.exec(home);
    assert.ok(preload && preload.index < home.indexOf('</head>'), 'the scene is preloaded in the head');
    assert.match(
      preload[0],
      /imagesrcset="[^"]*classics@0.6x.webp 480w, [^"]*classics.webp 800w, [^"]*@2x.webp 1600w"/,
    );
    assert.match(preload[0], /imagesizes="\(min-width: 48rem\) 50vw, 100vw"/);
    assert.doesNotMatch(home, /as="fetch"/);
    assert.equal((await mock.inject('/explore/api/stores')).statusCode, 404, 'nothing proxied in mock mode');
  } finally {
    await mock.close();
    rmSync(worker, { force: true });
  }
});

test('overrides: one more import map after the live one, before the injector; the overridden team is not preloaded', async () => {
  await world.deploy('decide', 'bbbbbbbbbbbb');
  const dev = await world.gatewayWith({
    overrides: { '@tractor/decide': 'http://localhost:9002/tractor-decide.js' },
  });
  try {
    const html = (await dev.inject('/product/CL-01')).body;
    // A developer's page: integrity in a native map first, then the maps import-map-injector merges.
    assert.match(html, /<script nonce="[^"]+" type="importmap">\{"integrity":/);
    const live = html.indexOf('"@tractor/decide":"/assets/decide/');
    const override = html.indexOf(
      '{"imports":{"@tractor/decide":"http://localhost:9002/tractor-decide.js"}}',
    );
    assert.ok(live > 0 && override > live, 'after the live map');
    assert.ok(override < html.search(/<script nonce="[^"]+" src="\/injector.js">/), 'before the injector');
    assert.match(html, /window\.importMapInjector\.initPromise/);
    assert.doesNotMatch(html, /modulepreload" href="\/assets\/decide/);
    assert.match(html, /<meta name="tractor-devtools" content="on" \/>/);
  } finally {
    await dev.close();
  }
});

test('a strict CSP with a new nonce per response on every inline script and style, and the security headers', async () => {
  // The product page as composed: Explore's header rendered on the server, Decide's page asked of a service
  // that is down.
  await world.deploy('explore', 'aaaaaaaaaaaa');
  await world.deploy('decide', 'bbbbbbbbbbbb');
  const policyOf = (response: { headers: Record<string, unknown> }) =>
    Object.fromEntries(
      String(response.headers['content-security-policy'])
        .split('; ')
        .map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]),
    );
  const first = await gateway.inject('/product/CL-01');
  const second = await gateway.inject('/product/CL-01');
  const policy = policyOf(first);
  const nonce = /'nonce-([^']+)'/.exec(policy['script-src']!.join(' '))?.[1];
  assert.ok(nonce && nonce.length >= 22, 'a nonce of 128 bits');
  assert.notEqual(nonce, /'nonce-([^']+)'/.exec(policyOf(second)['script-src']!.join(' '))?.[1]);
  assert.deepEqual(policy['script-src'], ["'self'", `'nonce-${nonce}'`]);
  assert.deepEqual(policy['style-src'], ["'self'", `'nonce-${nonce}'`]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.doesNotMatch(String(first.headers['content-security-policy']), /unsafe/);
  const scripts = [...first.body.matchAll(/<(script|style)\b[^>]*>/g)].map((m) => m[0]);
  assert.ok(scripts.length >= 2);
  for (const tag of scripts) assert.ok(tag.includes(` nonce="${nonce}"`), tag);
  for (const response of [
    first,
    await gateway.inject('/explore/api/stores'),
    await gateway.inject('/x.png'),
  ]) {
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  }
  // The page carries the rest; files and JSON only nosniff (it would be paid on every module request).
  assert.equal(first.headers['x-frame-options'], 'DENY');
  assert.ok(first.headers['referrer-policy']);
  assert.ok(first.headers['permissions-policy']);
});

test('developer tools only where the server allows them: a shopper’s ?devtools cookie does nothing in production', async () => {
  const asks = { url: '/product/CL-01', headers: { cookie: 'tractor-devtools=on' } };
  const production = (await gateway.inject(asks)).body;
  const head = production.slice(0, production.indexOf('</head>'));
  assert.doesNotMatch(head, /overrides\.js|injector\.js|injector-importmap|devtools/);

  const dev = await world.gatewayWith({ devtools: { origins: LOCAL_ORIGINS } });
  try {
    const shopper = await dev.inject('/product/CL-01');
    assert.match(shopper.body, /localStorage\.setItem\('devtools'/, 'the opt-in is there in dev mode');
    assert.doesNotMatch(String(shopper.headers['content-security-policy']), /unsafe-inline/);
    const developer = await dev.inject(asks);
    assert.match(developer.body, /<script nonce="[^"]+" src="\/injector\.js">/);
    // import-map-injector and import-map-overrides write inline maps without a nonce; modules may come from
    // the developer's machine only. Still no eval.
    const policy = String(developer.headers['content-security-policy']);
    assert.match(policy, /script-src 'self' 'unsafe-inline' http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*;/);
    assert.match(
      policy,
      /connect-src 'self' http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\* ws:\/\/localhost:\*/,
    );
    assert.doesNotMatch(policy, /unsafe-eval/);
  } finally {
    await dev.close();
  }
});
