import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '@tractor/chassis';
import { LOCAL_ORIGINS } from './csp.js';
import { buildGateway, type GatewayOptions } from './gateway.js';
import { DeployTokens } from '../importmap/tokens.js';
import { deployBuild as deployThrough, gatewayWorld, type GatewayWorld } from './testing.js';

let dist: string;
let assetDir: string;
let world: GatewayWorld;
let database: { db: Database };
let upstream: FastifyInstance;
let gateway: FastifyInstance;

const TEMPLATE = `<!doctype html><html><head><title>shell</title>
<!-- %HEAD_META% -->
<!-- %IMPORT_MAPS% -->
</head>
<body>
<template id="single-spa-layout"><single-spa-router>
  <explore-header></explore-header>
  <main>
    <route path="/product/:id" exact><application name="@tractor/decide/product"></application></route>
    <route path="/" exact><application name="@tractor/explore/home"></application></route>
    <route default><section class="shell-screen"><h1>Page not found</h1></section></route>
  </main>
</single-spa-router></template>
<!-- %MODULE_PRELOADS% -->
<!-- %BOOT% -->
</body></html>`;
const tokens = new DeployTokens({ explore: 'e', decide: 'd', checkout: 'c' });

const gatewayWith = (db: Database, options: Partial<GatewayOptions> = {}) =>
  buildGateway({
    distDir: dist,
    services: {},
    platform: { db, assetDir, tokens },
    ...options,
  });

before(async () => {
  world = await gatewayWorld(TEMPLATE);
  ({ dist, assetDir } = world);
  database = { db: world.db };
  mkdirSync(path.join(dist, 'shared'));
  writeFileSync(path.join(dist, 'shared', 'tractor-ui.0123abcd.js'), 'export {};');

  upstream = Fastify();
  upstream.get('/explore/api/stores', async (request) => ({ stores: [], query: request.query }));
  // Explore's render routes: the header (holding Checkout's mini cart) from the live build; a home page from
  // a build that is not live; a slow page.
  upstream.get('/explore/render/fragment/explore-header', async (request) => ({
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: `<template shadowrootmode="open"><a href="/">home</a><checkout-mini-cart></checkout-mini-cart></template><!-- ${JSON.stringify(request.query)} ${request.headers.cookie} -->`,
  }));
  upstream.get('/explore/render/page/home', async () => ({
    version: 'ffffffffffff',
    tag: 'explore-home-page',
    inner: '<template shadowrootmode="open">old build</template>',
  }));
  const origin = await upstream.listen({ port: 0, host: '127.0.0.1' });
  gateway = await gatewayWith(database.db, {
    services: { explore: origin, decide: 'http://127.0.0.1:9' }, // nothing listens on port 9
  });
});
after(async () => {
  await gateway.close();
  await upstream.close();
  await world.close();
});

/** Publishes and deploys a one-file build of `team` through the gateway's own API. */
const deployBuild = (team: 'explore' | 'decide' | 'checkout', build: string) =>
  deployThrough(gateway, team, build, { explore: 'e', decide: 'd', checkout: 'c' }[team]);

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
  const explore = await deployBuild('explore', 'aaaaaaaaaaaa');
  const decide = await deployBuild('decide', 'bbbbbbbbbbbb');

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
  const dev = await gatewayWith(database.db, {
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

test('the first view is composed on the server: the layout for the URL, each part from its own team', async () => {
  // Decide renders its product page (with Checkout's add to cart inside); Checkout renders its fragments —
  // one of them too slow for the budget. Each from the live build (deployed above).
  const decide = Fastify();
  // Decide renders only with the build the page uses, named in the request with its server bundle.
  decide.get('/decide/render/page/product', async (request, reply) => {
    const { build } = request.query as { build?: string };
    const bundle = request.headers['tractor-server-url'];
    if (
      build !== 'bbbbbbbbbbbb' ||
      bundle !== `/assets/decide/${build}/tractor-decide-ssr.${build.slice(0, 8)}.js`
    )
      return reply.code(400).send({ message: `asked for build ${build}, bundle ${bundle}` });
    return {
      version: build,
      tag: 'decide-product-page',
      inner: `<template shadowrootmode="open"><h1>${(request.query as { url: string }).url}</h1><checkout-add-to-cart sku="CL-01-GR"></checkout-add-to-cart></template>`,
    };
  });
  const checkout = Fastify();
  checkout.get('/checkout/render/fragment/checkout-add-to-cart', async (request) => ({
    version: 'cccccccccccc',
    tag: 'checkout-add-to-cart',
    inner: `<template shadowrootmode="open">add ${(JSON.parse((request.query as { attributes: string }).attributes) as { sku: string }).sku}</template>`,
  }));
  checkout.get('/checkout/render/fragment/checkout-mini-cart', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      version: 'cccccccccccc',
      tag: 'checkout-mini-cart',
      inner: '<template shadowrootmode="open">late</template>',
    };
  });
  await deployBuild('checkout', 'cccccccccccc');
  const services = {
    explore: await upstream
      .listen({ port: 0, host: '127.0.0.1' })
      .catch(() => `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`),
    decide: await decide.listen({ port: 0, host: '127.0.0.1' }),
    checkout: await checkout.listen({ port: 0, host: '127.0.0.1' }),
  };
  const composed = await gatewayWith(database.db, {
    services,
    ssrBudgetMs: 200,
    devtools: { origins: LOCAL_ORIGINS },
  });
  try {
    const started = performance.now();
    const page = await composed.inject({
      url: '/product/CL-01?sku=CL-01-GR',
      headers: { cookie: 'c_cart=CL-01-GR_1' },
    });
    const elapsed = performance.now() - started;
    const body = page.body.slice(page.body.indexOf('<body'));
    assert.match(
      body,
      /^<body data-ssr-layout><explore-header><template shadowrootmode="open"><a href="\/">home<\/a>/,
    );
    assert.match(body, /"url":"\/product\/CL-01\?sku=CL-01-GR"/, 'the team is told the URL');
    assert.match(body, /c_cart=CL-01-GR_1/, 'and gets the shopper’s cookie');
    assert.match(
      body,
      /<checkout-mini-cart><\/checkout-mini-cart>/,
      'the late mini cart is left to the browser',
    );
    assert.ok(elapsed < 450, `the page does not wait for the slowest team (${elapsed.toFixed(0)} ms)`);
    assert.match(
      body,
      /<main><div id="single-spa-application:@tractor\/decide\/product" data-ssr><decide-product-page><template shadowrootmode="open"><h1>\/product\/CL-01\?sku=CL-01-GR<\/h1><checkout-add-to-cart sku="CL-01-GR"><template shadowrootmode="open">add CL-01-GR<\/template><\/checkout-add-to-cart>/,
    );
    assert.ok(
      body.indexOf('</main>') < body.indexOf('<template id="single-spa-layout">'),
      'the layout comes first',
    );

    const home = (await composed.inject('/')).body;
    assert.match(
      home,
      /<div id="single-spa-application:@tractor\/explore\/home"><\/div>/,
      'not the live build: the browser renders it',
    );
    assert.doesNotMatch(home, /old build/);

    const notFound = (await composed.inject('/no/such/page')).body;
    assert.match(notFound, /<main><section class="shell-screen"><h1>Page not found<\/h1><\/section><\/main>/);

    const developer = (
      await composed.inject({ url: '/product/CL-01', headers: { cookie: 'tractor-devtools=on' } })
    ).body;
    assert.match(
      developer,
      /<div id="single-spa-application:@tractor\/decide\/product"><\/div>/,
      'developers get no team markup',
    );
    // …and the page's data is asked for with the page, not after its scripts.
    assert.ok(
      developer.indexOf(
        '<link rel="preload" as="fetch" href="/decide/api/products/CL-01" crossorigin="anonymous" />',
      ) < developer.indexOf('</head>'),
    );
  } finally {
    await composed.close();
    await decide.close();
    await checkout.close();
  }
});

test('a team that answers something other than a render: its part is left to the browser, the page still ends', async () => {
  const decide = Fastify();
  decide.get('/decide/render/page/product', async () => ({ version: 'bbbbbbbbbbbb' }));
  const composed = await gatewayWith(database.db, {
    services: { decide: await decide.listen({ port: 0, host: '127.0.0.1' }) },
    ssrBudgetMs: 200,
  });
  try {
    const page = await composed.inject('/product/CL-01');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<div id="single-spa-application:@tractor\/decide\/product"><\/div>/);
    assert.match(page.body, /<\/html>\s*$/, 'the page ends');
  } finally {
    await composed.close();
    await decide.close();
  }
});

/** A team's render route that answers only when the test calls the returned function. */
function heldRender(app: FastifyInstance, route: string, answer: object): () => void {
  let release: () => void = () => {};
  app.get(route, () => new Promise((resolve) => (release = () => resolve(answer))));
  return () => release();
}

/** Explore's service rendering only its header, which holds Checkout's mini cart. */
function exploreWithHeader(): FastifyInstance {
  const explore = Fastify();
  explore.get('/explore/render/fragment/explore-header', async () => ({
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">logo<checkout-mini-cart></checkout-mini-cart>nav</template>',
  }));
  return explore;
}

test('the page streams: the head is sent before the teams have answered', async () => {
  const slow = Fastify();
  const answer = heldRender(slow, '/explore/render/fragment/explore-header', {
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">header</template>',
  });
  const streaming = await gatewayWith(database.db, {
    services: { explore: await slow.listen({ port: 0, host: '127.0.0.1' }) },
    ssrBudgetMs: 5000,
  });
  const origin = await streaming.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('<body data-ssr-layout>')) {
      const part = await reader.read();
      assert.ok(!part.done, `the stream ended early: ${received}`);
      received += part.value;
    }
    assert.match(
      received,
      /<script nonce="[^"]+" type="importmap">/,
      'the head, with the live map, has arrived',
    );
    assert.doesNotMatch(received, /header<\/template>/);
    answer();
    for (let part = await reader.read(); !part.done; part = await reader.read()) received += part.value;
    assert.match(
      received,
      /<explore-header><template shadowrootmode="open">header<\/template><\/explore-header>/,
    );
  } finally {
    await streaming.close();
    await slow.close();
  }
});

test('a part streams before the fragments inside it: the header is sent while its mini cart is on its way', async () => {
  const explore = exploreWithHeader();
  const checkout = Fastify();
  const answer = heldRender(checkout, '/checkout/render/fragment/checkout-mini-cart', {
    version: 'cccccccccccc',
    tag: 'checkout-mini-cart',
    inner: '<template shadowrootmode="open">2 items</template>',
  });
  const streaming = await gatewayWith(database.db, {
    services: {
      explore: await explore.listen({ port: 0, host: '127.0.0.1' }),
      checkout: await checkout.listen({ port: 0, host: '127.0.0.1' }),
    },
    ssrBudgetMs: 5000,
  });
  const origin = await streaming.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'br' } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('<checkout-mini-cart>')) {
      const part = await reader.read();
      assert.ok(!part.done, `the stream ended early: ${received}`);
      received += part.value;
    }
    assert.match(received, /<explore-header><template shadowrootmode="open">logo<checkout-mini-cart>$/);
    answer();
    for (let part = await reader.read(); !part.done; part = await reader.read()) received += part.value;
    assert.match(
      received,
      /logo<checkout-mini-cart><template shadowrootmode="open">2 items<\/template><\/checkout-mini-cart>nav<\/template><\/explore-header>/,
    );
  } finally {
    await streaming.close();
    await explore.close();
    await checkout.close();
  }
});

test('a page still open after its time says so in the log, with what it waits for', async () => {
  const explore = Fastify();
  const answer = heldRender(explore, '/explore/render/fragment/explore-header', {
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">header</template>',
  });
  const lines: { msg: string; doing?: string; url?: string }[] = [];
  const watched = await gatewayWith(database.db, {
    services: { explore: await explore.listen({ port: 0, host: '127.0.0.1' }) },
    ssrBudgetMs: 5000,
    slowPageMs: 50,
    logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  });
  const origin = await watched.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${origin}/products`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      lines.map(({ msg, doing, url }) => ({ msg, doing, url })),
      [{ msg: 'a page is still open after 50 ms', doing: 'waiting for part 1', url: '/products' }],
    );
    answer();
    assert.match(await response.text(), /header<\/template>/);
    assert.equal(lines.length, 1, 'nothing more once it has ended');
  } finally {
    await watched.close();
    await explore.close();
  }
});

test('a strict CSP with a new nonce per response on every inline script and style, and the security headers', async () => {
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

  const dev = await gatewayWith(database.db, { devtools: { origins: LOCAL_ORIGINS } });
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

test('API bodies: passed on intact; too large (with a length or chunked) is the gateway’s own 413', async () => {
  const echo = Fastify();
  echo.post('/checkout/api/echo', async (request) => ({ got: request.body }));
  echo.get('/checkout/api/hang', () => new Promise(() => {}));
  const proxied = await gatewayWith(database.db, {
    services: { checkout: await echo.listen({ port: 0, host: '127.0.0.1' }) },
    upstreamTimeoutMs: 300,
  });
  const origin = await proxied.listen({ port: 0, host: '127.0.0.1' });
  try {
    const small = await fetch(`${origin}/checkout/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ünïcode ✓' }),
    });
    assert.deepEqual(await small.json(), { got: { name: 'Ünïcode ✓' } });

    const big = new Uint8Array(2 * 1024 * 1024).fill(97);
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 64 * 1024) controller.enqueue(big.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const withoutLength = await fetch(`${origin}/checkout/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    assert.equal(withoutLength.status, 413);
    assert.equal((await withoutLength.json()).statusCode, 413);
    const withLength = await fetch(`${origin}/checkout/api/echo`, { method: 'POST', body: big });
    assert.equal(withLength.status, 413);

    const started = performance.now();
    const hung = await fetch(`${origin}/checkout/api/hang`);
    assert.equal(hung.status, 504);
    assert.match((await hung.json()).message, /did not answer within 300 ms/);
    assert.ok(performance.now() - started < 2000);
  } finally {
    await proxied.close();
    await echo.close();
  }
});

test('the gateway reuses what a service marks public for its max-age — never a cart, never a cookie', async () => {
  let reads = 0;
  let carts = 0;
  const team = Fastify();
  team.get('/explore/api/products', async (_request, reply) => {
    reads++;
    return reply.header('cache-control', 'public, max-age=60').header('etag', `"v${reads}"`).send({ reads });
  });
  team.get('/explore/api/cart', async (_request, reply) => {
    carts++;
    return reply.header('cache-control', 'no-store').send({ carts });
  });
  team.get('/explore/api/cookie', async (_request, reply) => {
    carts++;
    return reply.header('cache-control', 'public, max-age=60').header('set-cookie', 'a=b').send({ carts });
  });
  const cached = await gatewayWith(database.db, {
    services: { explore: await team.listen({ port: 0, host: '127.0.0.1' }) },
  });
  try {
    const first = await cached.inject('/explore/api/products');
    const second = await cached.inject('/explore/api/products');
    assert.deepEqual(second.json(), first.json());
    assert.equal(reads, 1, 'asked the service once');
    assert.equal(second.headers.etag, '"v1"');
    const notModified = await cached.inject({
      url: '/explore/api/products',
      headers: { 'if-none-match': '"v1"' },
    });
    assert.equal(notModified.statusCode, 304);
    const otherTag = await cached.inject({
      url: '/explore/api/products',
      headers: { 'if-none-match': '"v0"' },
    });
    assert.equal(otherTag.statusCode, 200);
    await cached.inject('/explore/api/products?other');
    assert.equal(reads, 2, 'another URL is another answer');

    await cached.inject('/explore/api/cart');
    await cached.inject('/explore/api/cart');
    await cached.inject('/explore/api/cookie');
    await cached.inject('/explore/api/cookie');
    assert.equal(carts, 4, 'no-store and cookie-setting answers are never reused');
  } finally {
    await cached.close();
    await team.close();
  }
});

test('a shopper’s own part (Vary: cookie) rendered without a cookie is reused for the next shopper without one, never for one with a cookie', async () => {
  const asked: (string | undefined)[] = [];
  const explore = exploreWithHeader();
  const checkout = Fastify();
  checkout.get('/checkout/render/fragment/checkout-mini-cart', async (request, reply) => {
    const cookie = request.headers.cookie;
    asked.push(cookie);
    return reply
      .header('vary', 'cookie')
      .header('cache-control', cookie ? 'no-store' : 'public, max-age=60')
      .send({
        version: 'cccccccccccc',
        tag: 'checkout-mini-cart',
        inner: `<template shadowrootmode="open">${cookie ? 'your 2 items' : 'empty'}</template>`,
      });
  });
  const composed = await gatewayWith(database.db, {
    services: {
      explore: await explore.listen({ port: 0, host: '127.0.0.1' }),
      checkout: await checkout.listen({ port: 0, host: '127.0.0.1' }),
    },
    ssrBudgetMs: 5000,
  });
  const miniCart = (page: string) => /<checkout-mini-cart>(.*?)<\/checkout-mini-cart>/.exec(page)?.[1];
  try {
    const first = (await composed.inject('/stores')).body;
    const second = (await composed.inject('/stores')).body;
    assert.equal(miniCart(first), '<template shadowrootmode="open">empty</template>');
    assert.equal(miniCart(second), miniCart(first));
    assert.deepEqual(asked, [undefined], 'the second shopper without a cookie got the first one’s render');

    const shopper = (await composed.inject({ url: '/stores', headers: { cookie: 'c_cart=CL-01-GR_2' } }))
      .body;
    assert.equal(miniCart(shopper), '<template shadowrootmode="open">your 2 items</template>');
    await composed.inject({ url: '/stores', headers: { cookie: 'c_cart=CL-01-GR_2' } });
    assert.deepEqual(
      asked,
      [undefined, 'c_cart=CL-01-GR_2', 'c_cart=CL-01-GR_2'],
      'a cart is rendered every time',
    );
  } finally {
    await composed.close();
    await explore.close();
    await checkout.close();
  }
});

test('a part whose answer starts but never finishes is left to the browser at the budget: the page ends', async () => {
  const explore = Fastify();
  explore.get('/explore/render/fragment/explore-header', (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'application/json' });
    reply.raw.write('{"version":"aaaaaaaaaaaa","tag":"explore-header","inner":"<template'); // …and no more
  });
  const composed = await gatewayWith(database.db, {
    services: { explore: await explore.listen({ port: 0, host: '127.0.0.1' }) },
    ssrBudgetMs: 100,
  });
  const origin = await composed.listen({ port: 0, host: '127.0.0.1' });
  try {
    const started = performance.now();
    const page = await (await fetch(`${origin}/stores`, { signal: AbortSignal.timeout(3000) })).text();
    assert.match(page, /<explore-header><\/explore-header>/, 'the header is left to the browser');
    assert.match(page, /<\/html>\s*$/, 'and the page ends');
    assert.ok(performance.now() - started < 1000, 'at the budget, not later');
  } finally {
    await composed.close();
    explore.server.closeAllConnections();
    await explore.close();
  }
});
