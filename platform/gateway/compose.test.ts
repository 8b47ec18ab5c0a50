// The first view composed on the server: each part of the layout asked of its own team's service, only from
// the team's live build and within the budget — whatever is not is left to the browser, and the page still
// ends; a shopper's own part is never reused for another shopper.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { LOCAL_ORIGINS } from './csp.js';
import { exploreWithHeader, pageWorld, type PageWorld } from './testing.js';

let world: PageWorld;

before(async () => {
  world = await pageWorld();
});
after(() => world.close());

test('the first view is composed on the server: the layout for the URL, each part from its own team', async () => {
  // Decide renders its product page (with Checkout's add to cart inside); Checkout renders its fragments —
  // one of them too slow for the budget. Each from the live build (deployed below).
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
  await world.deploy('explore', 'aaaaaaaaaaaa');
  await world.deploy('decide', 'bbbbbbbbbbbb');
  await world.deploy('checkout', 'cccccccccccc');
  const services = {
    explore: world.exploreOrigin,
    decide: await decide.listen({ port: 0, host: '127.0.0.1' }),
    checkout: await checkout.listen({ port: 0, host: '127.0.0.1' }),
  };
  const composed = await world.gatewayWith({
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
  await world.deploy('decide', 'bbbbbbbbbbbb');
  const decide = Fastify();
  decide.get('/decide/render/page/product', async () => ({ version: 'bbbbbbbbbbbb' }));
  const composed = await world.gatewayWith({
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

test('a shopper’s own part (Vary: cookie) rendered without a cookie is reused for the next shopper without one, never for one with a cookie', async () => {
  await world.deploy('explore', 'aaaaaaaaaaaa');
  await world.deploy('checkout', 'cccccccccccc');
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
  const composed = await world.gatewayWith({
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
  await world.deploy('explore', 'aaaaaaaaaaaa');
  const explore = Fastify();
  explore.get('/explore/render/fragment/explore-header', (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'application/json' });
    reply.raw.write('{"version":"aaaaaaaaaaaa","tag":"explore-header","inner":"<template'); // …and no more
  });
  const composed = await world.gatewayWith({
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
