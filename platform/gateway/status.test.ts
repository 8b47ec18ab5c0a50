// The page's HTTP status: a URL that names nothing is a 404 — the layout's "Page not found", or a team's own
// "not found" view (an unknown product, an unknown category) — still composed on the server. And request data
// never reads as a replacement pattern ($', $&, …) when the page is put together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '@tractor/shared/html';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildGateway, type GatewayOptions } from './gateway.js';
import { DeployTokens } from '../importmap/tokens.js';
import {
  deployBuild as deployThrough,
  gatewayWorld,
  layoutTemplate,
  NOT_FOUND_ROUTE,
  TOKENS,
  type GatewayWorld,
} from './testing.js';

// The shop's layout, cut down: a page per team, and the default route's "Page not found".
const TEMPLATE = layoutTemplate([
  '<route path="/" exact><application name="@tractor/explore/home"></application></route>',
  '<route path="/products"><application name="@tractor/explore/category"></application></route>',
  '<route path="/product/:id" exact><application name="@tractor/decide/product"></application></route>',
  NOT_FOUND_ROUTE,
]);

const BUILDS = { explore: 'aaaaaaaaaaaa', decide: 'bbbbbbbbbbbb' } as const;
/** Nothing listens there: a team whose service does not answer. */
const DOWN = 'http://127.0.0.1:9';

let world: GatewayWorld;
let decideModule: { url: string; integrity: string };
const opened: { close(): Promise<unknown> }[] = [];

const gatewayWith = async (options: Partial<GatewayOptions> = {}) => {
  const gateway = await buildGateway({
    distDir: world.dist,
    services: {},
    platform: { db: world.db, assetDir: world.assetDir, tokens: new DeployTokens(TOKENS) },
    ...options,
  });
  opened.push(gateway);
  return gateway;
};

/** A team's service answering its render routes with `routes` (path → answer, or a function of the URL). */
async function teamService(routes: Record<string, (url: string) => object | Promise<object>>) {
  const service = Fastify();
  for (const [route, answer] of Object.entries(routes)) {
    service.get(route, async (request) => answer((request.query as { url: string }).url));
  }
  opened.push(service);
  return service.listen({ port: 0, host: '127.0.0.1' });
}

const deployBuild = (gateway: FastifyInstance, team: keyof typeof BUILDS) =>
  deployThrough(gateway, team, BUILDS[team], TOKENS[team]);

before(async () => {
  world = await gatewayWorld(TEMPLATE);
  const deployer = await gatewayWith();
  await deployBuild(deployer, 'explore');
  decideModule = await deployBuild(deployer, 'decide');
});
after(async () => {
  for (const closable of opened.reverse()) await closable.close();
  await world.close();
});

/** Decide's render of its product page: "not found" (status 404) for XX-99, the product otherwise. */
const decideRender = (url: string) => {
  const id = new URL(url, 'http://shop').pathname.split('/')[2];
  return id === 'XX-99'
    ? {
        version: BUILDS.decide,
        tag: 'decide-product-page',
        inner: '<template shadowrootmode="open"><h1>Page not found</h1></template>',
        status: 404,
      }
    : {
        version: BUILDS.decide,
        tag: 'decide-product-page',
        inner: `<template shadowrootmode="open"><h1>${id}</h1></template>`,
      };
};

/** Explore's render of its category page: all machines, and status 404 for a category it does not know. */
const exploreRender = (url: string) => ({
  version: BUILDS.explore,
  tag: 'explore-category-page',
  inner: '<template shadowrootmode="open"><h1>All Machines</h1></template>',
  ...(/^\/products\/(?!classic\b)[^/?]+/.test(url) ? { status: 404 } : {}),
});

test('a URL the layout has no page for is a 404 with the layout’s "Page not found", with or without services', async () => {
  const bare = await gatewayWith();
  const composed = await gatewayWith({
    services: {
      explore: await teamService({ '/explore/render/page/category': exploreRender }),
      decide: await teamService({ '/decide/render/page/product': decideRender }),
    },
  });
  for (const gateway of [bare, composed]) {
    for (const url of ['/nope', '/no/such/page?x=1', '/product/XX-99/extra']) {
      const page = await gateway.inject(url);
      assert.equal(page.statusCode, 404, url);
      assert.match(
        page.body,
        /<main><section class="shell-screen"><h1>Page not found<\/h1><\/section><\/main>/,
      );
      assert.match(page.body, /<\/html>\s*$/, 'a whole page');
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    }
  }
});

test('a page whose team rendered its "not found" (status 404) is a 404 with that view, composed on the server', async () => {
  const gateway = await gatewayWith({
    services: {
      explore: await teamService({ '/explore/render/page/category': exploreRender }),
      decide: await teamService({ '/decide/render/page/product': decideRender }),
    },
    ssrBudgetMs: 2000,
  });
  const product = await gateway.inject('/product/XX-99');
  assert.equal(product.statusCode, 404);
  assert.match(
    product.body,
    /<div id="single-spa-application:@tractor\/decide\/product" data-ssr><decide-product-page><template shadowrootmode="open"><h1>Page not found<\/h1>/,
  );
  const category = await gateway.inject('/products/foo');
  assert.equal(category.statusCode, 404);
  assert.match(
    category.body,
    /data-ssr><explore-category-page><template shadowrootmode="open"><h1>All Machines<\/h1>/,
  );

  for (const url of ['/product/CL-01', '/products', '/products/classic']) {
    const page = await gateway.inject(url);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /data-ssr>/, `${url} is server-rendered`);
  }
});

test('a page left to the browser is a 200 — the team did not say its URL names nothing', async () => {
  const down = await gatewayWith({ services: { decide: DOWN, explore: DOWN }, ssrBudgetMs: 200 });
  const developer = await gatewayWith({
    services: { decide: await teamService({ '/decide/render/page/product': decideRender }) },
    overrides: { '@tractor/decide': 'http://localhost:9002/tractor-decide.js' },
  });
  const noRenders = await gatewayWith({
    services: { decide: await teamService({ '/decide/render/page/product': decideRender }) },
    ssrBudgetMs: 0,
  });
  for (const gateway of [down, developer, noRenders]) {
    const page = await gateway.inject('/product/XX-99');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<div id="single-spa-application:@tractor\/decide\/product"><\/div>/);
    assert.equal((await gateway.inject('/nope')).statusCode, 404, 'the layout’s own "not found" still is');
  }
});

test('the status never holds the head past the render budget: a "not found" too late is a 200 left to the browser', async () => {
  const late = await teamService({
    '/decide/render/page/product': async (url) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return decideRender(url);
    },
  });
  const gateway = await gatewayWith({ services: { decide: late }, ssrBudgetMs: 200 });
  const origin = await gateway.listen({ port: 0, host: '127.0.0.1' });
  const started = performance.now();
  const response = await fetch(`${origin}/product/XX-99`);
  const headAfter = performance.now() - started;
  assert.equal(response.status, 200);
  assert.ok(
    headAfter < 1000,
    `the head came at the budget, not with the late team (${headAfter.toFixed(0)} ms)`,
  );
  assert.match(await response.text(), /<div id="single-spa-application:@tractor\/decide\/product"><\/div>/);
});

test('a reused render keeps its status', async () => {
  let asked = 0;
  const decide = Fastify();
  decide.get('/decide/render/page/product', async (request, reply) => {
    asked++;
    return reply
      .header('cache-control', 'public, max-age=60')
      .send(decideRender((request.query as { url: string }).url));
  });
  opened.push(decide);
  const gateway = await gatewayWith({
    services: { decide: await decide.listen({ port: 0, host: '127.0.0.1' }) },
    ssrBudgetMs: 2000,
  });
  assert.equal((await gateway.inject('/product/XX-99')).statusCode, 404);
  const again = await gateway.inject('/product/XX-99');
  assert.equal(asked, 1, 'the second page reused the render');
  assert.equal(again.statusCode, 404);
  assert.match(again.body, /<h1>Page not found<\/h1>/);
});

test('a team answer with a status other than 404 is not a render answer: left to the browser, a 200', async () => {
  const gateway = await gatewayWith({
    services: {
      decide: await teamService({
        '/decide/render/page/product': (url) => ({ ...decideRender(url), status: 500 }),
      }),
    },
    ssrBudgetMs: 2000,
  });
  const page = await gateway.inject('/product/CL-01');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<div id="single-spa-application:@tractor\/decide\/product"><\/div>/);
});

// $' (the text after the match), $& (the match), $` (the text before it), $1 and $$ mean something in a
// replacement string: request data must never be one.
const PATTERNS = ["$'", '$&', '$`', '$1', '$$'];

/** The page after its body's content: the preloads and the boot script. */
const tailOf = (page: string) => page.slice(page.indexOf('</single-spa-router></template>'));

function assertIntact(page: string, pathname: string, where: string) {
  const tail = tailOf(page);
  assert.equal(
    tail.split("import('@tractor/root-config')").length - 1,
    1,
    `${where}: the boot script, exactly once`,
  );
  assert.doesNotMatch(page, /<!-- %[A-Z_]+% -->/, `${where}: every marker filled in`);
  assert.match(page, /<\/body><\/html>\s*$/, `${where}: the page ends as the template does`);
  assert.ok(
    page.includes(
      `<link rel="modulepreload" href="${decideModule.url}" integrity="${decideModule.integrity}" />`,
    ),
    `${where}: the module preload intact`,
  );
  const id = escapeHtml(pathname.split('/')[2]!);
  assert.ok(
    page.includes(
      `<link rel="preload" as="fetch" href="/decide/api/products/${id}" crossorigin="anonymous" />`,
    ),
    `${where}: the critical preload intact`,
  );
}

test('$’, $&, $`, $1, $$ in the path or the query leave the page whole — also when the part is left to the browser', async () => {
  const gateways = {
    'the team does not answer': await gatewayWith({ services: { decide: DOWN }, ssrBudgetMs: 200 }),
    'no service': await gatewayWith(),
    'the team renders its "not found"': await gatewayWith({
      services: { decide: await teamService({ '/decide/render/page/product': decideRender }) },
      ssrBudgetMs: 2000,
    }),
  };
  for (const [situation, gateway] of Object.entries(gateways)) {
    for (const pattern of PATTERNS) {
      for (const url of [
        `/product/${pattern}`,
        `/product/CL-01${pattern}?sku=${pattern}`,
        `/product/XX-99?sku=${pattern}&${pattern}=${pattern}`,
      ]) {
        const where = `${situation}, ${url}`;
        const page = await gateway.inject(url);
        assert.ok([200, 404].includes(page.statusCode), where);
        const pathname = new URL(url, 'http://shop').pathname;
        // A server-rendered page asks for its modules once loaded: only the page left to the browser has the links.
        if (page.body.includes(' data-ssr>')) {
          assert.equal(tailOf(page.body).split("import('@tractor/root-config')").length - 1, 1, where);
          assert.doesNotMatch(page.body, /<!-- %[A-Z_]+% -->/, where);
        } else {
          assertIntact(page.body, pathname, where);
        }
      }
    }
  }
});
