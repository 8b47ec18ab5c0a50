// Attribution in a DOM (happy-dom): an element belongs to the closest team boundary around it, across shadow
// roots; a script to the team whose build it came from; a URL to the layout's route pattern, never itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { layoutRoutes, ownerOf, readOwners, routeOf, scriptOwner, teamsOnPage } from './attribution.js';

const ORIGIN = 'https://shop.test';
const DECIDE = `${ORIGIN}/assets/decide/0123456789ab/`;

/** A page as the gateway sends it: the layout template, the live import map, the parts placed. */
function page(body = '') {
  const window = new Window({ url: `${ORIGIN}/product/CL-01` });
  const document = window.document as unknown as Document;
  const template = readFileSync(path.join(import.meta.dirname, 'index.html'), 'utf8');
  document.write(template.replace('<!-- %IMPORT_MAPS% -->', importMap()).replace('<body>', `<body>${body}`));
  return document;
}

const importMap = (overrides: Record<string, string> = {}) =>
  `<script type="importmap">${JSON.stringify({
    imports: {
      lit: '/shared/lit.0123abcd.js',
      '@tractor/root-config': '/tractor-root-config.0123abcd.js',
      '@tractor/explore': '/assets/explore/aaaaaaaaaaaa/tractor-explore.aaaaaaaa.js',
      '@tractor/decide': '/assets/decide/0123456789ab/tractor-decide.01234567.js',
      '@tractor/checkout': '/assets/checkout/cccccccccccc/tractor-checkout.cccccccc.js',
      '@tractor/inspire': '/assets/inspire/dddddddddddd/tractor-inspire.dddddddd.js',
    },
  })}</script>${
    Object.keys(overrides).length
      ? `<script type="injector-importmap">${JSON.stringify({ imports: overrides })}</script>`
      : ''
  }`;

/** `host`'s open shadow root, holding `html`. */
function shadow(host: Element, html: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

/** Decide's product page as the server places it, its shadow root holding `inner` (`before` it: in its container). */
function productPageWith(inner: string, before = '') {
  const document = page(
    `<main><div id="single-spa-application:@tractor/decide/product">${before}<decide-product-page></decide-product-page></div></main>`,
  );
  const productPage = shadow(document.querySelector('decide-product-page')!, inner);
  return { document, owners: readOwners(document), productPage };
}

test('an element inside nested shadow roots belongs to its closest team boundary', () => {
  const { owners, productPage } = productPageWith(
    '<h1>Tractor</h1><div class="buy"><checkout-add-to-cart></checkout-add-to-cart></div>',
  );
  const addToCart = shadow(
    productPage.querySelector('checkout-add-to-cart')!,
    '<button>add to basket</button>',
  );
  assert.equal(ownerOf(addToCart.querySelector('button'), owners), 'checkout');
  assert.equal(ownerOf(addToCart, owners), 'checkout');
  assert.equal(ownerOf(productPage.querySelector('h1'), owners), 'decide');
  assert.equal(ownerOf(productPage.querySelector('.buy'), owners), 'decide');
});

test("a fragment inside another team's page is the fragment's team's; the page's own markup is the page's", () => {
  const { document, owners, productPage } = productPageWith(
    '<inspire-recommendations></inspire-recommendations>',
    '<p class="loading">…</p>',
  );
  const tiles = shadow(productPage.querySelector('inspire-recommendations')!, '<img alt="tractor" />');
  assert.equal(ownerOf(tiles.querySelector('img'), owners), 'inspire');
  // Inside the application's container but in no team element: the application's team.
  assert.equal(ownerOf(document.querySelector('.loading'), owners), 'decide');
  // What no team owns — the layout's own markup, the boundary toggle — is the platform's.
  assert.equal(ownerOf(document.querySelector('main'), owners), 'platform');
  assert.equal(ownerOf(document.querySelector('#boundary-toggle'), owners), 'platform');
  assert.equal(ownerOf(null, owners), 'platform');
  assert.deepEqual([...teamsOnPage(document, owners)].sort(), ['decide', 'inspire']);
});

test('a tag that only looks like a team (<decider-x>, <explorer>) is no boundary', () => {
  const document = page('<decider-widget><span>x</span></decider-widget><explorer-map></explorer-map>');
  const owners = readOwners(document);
  assert.equal(ownerOf(document.querySelector('span'), owners), 'platform');
  assert.deepEqual([...teamsOnPage(document, owners)], []);
});

test("the import map says each team's build, and whose a script URL is", () => {
  const owners = readOwners(page());
  assert.deepEqual(owners.builds, {
    explore: 'aaaaaaaaaaaa',
    decide: '0123456789ab',
    checkout: 'cccccccccccc',
    inspire: 'dddddddddddd',
  });
  assert.equal(scriptOwner(`${DECIDE}tractor-decide.01234567.js`, owners, ORIGIN), 'decide');
  assert.equal(scriptOwner(`${DECIDE}product-page.chunk.js`, owners, ORIGIN), 'decide');
  assert.equal(scriptOwner(`${ORIGIN}/shared/lit.0123abcd.js`, owners, ORIGIN), 'platform');
  assert.equal(scriptOwner(`${ORIGIN}/tractor-root-config.0123abcd.js`, owners, ORIGIN), 'platform');
  assert.equal(scriptOwner('', owners, ORIGIN), 'platform');
  assert.equal(scriptOwner('chrome-extension://abc/content.js', owners, ORIGIN), undefined);
  // Another team's folder of the same name prefix is not Decide's.
  assert.equal(scriptOwner(`${ORIGIN}/assets/decide/999999999999/x.js`, owners, ORIGIN), 'platform');
});

test('a team a developer points at their dev server is that team\'s, build "dev"', () => {
  const window = new Window({ url: `${ORIGIN}/` });
  const document = window.document as unknown as Document;
  document.write(
    importMap({ '@tractor/decide': 'http://localhost:9002/tractor-decide.js' }) + '<body></body>',
  );
  const owners = readOwners(document);
  assert.equal(owners.builds.decide, 'dev');
  assert.equal(scriptOwner('http://localhost:9002/src_views_x.js', owners, ORIGIN), 'decide');
});

test("routes are the layout's patterns, with the team whose page shows there; never the URL itself", () => {
  const routes = layoutRoutes(page().querySelector('template#single-spa-layout'));
  const at = (pathname: string) => routeOf(pathname, routes);
  assert.deepEqual(at('/product/CL-01'), { pattern: '/product/:id', owner: 'decide', exact: true });
  assert.equal(at('/product/CL-01/').pattern, '/product/:id');
  assert.equal(at('/').pattern, '/');
  assert.equal(at('/products').pattern, '/products');
  assert.deepEqual(
    [at('/products/autonomous').pattern, at('/products/autonomous').owner],
    ['/products', 'explore'],
  );
  assert.equal(at('/stores').owner, 'explore');
  assert.deepEqual(
    [at('/checkout/checkout').pattern, at('/checkout/checkout').owner],
    ['/checkout/checkout', 'checkout'],
  );
  assert.equal(at('/checkout/cart').owner, 'checkout');
  // What no page matches is the not-found route, whatever the URL holds.
  for (const pathname of ['/product/CL-01/reviews', '/productsx', '/x/alice@example.com', '/stores/1']) {
    assert.deepEqual(at(pathname), { pattern: '*', owner: 'platform' }, pathname);
  }
});
