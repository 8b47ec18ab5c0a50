// A team's render answer can run nothing in the page: what the gateway refuses to place, and what it places.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { LitElement, css, html, nothing } from 'lit';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { renderElement } from '@tractor/shared/spa/server-render';
import type { Deployment } from '@tractor/shared/contracts/importmap';
import { Composition, type Piece } from './compose.js';
import { withNonce } from './csp.js';
import { unsafeMarkup, unsafeRenderAnswer } from './team-html.js';

interface CardSeed {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly picture: string;
  readonly colour: string;
  readonly current: boolean;
}

/** A product card much like Decide's page: styles, a picture with srcset, a link, SVG, a fragment, a seed. */
class TestProductCard extends LitElement {
  static override properties = { seed: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
    }
    a[aria-current] {
      font-weight: 700;
    }
  `;
  declare seed: CardSeed | undefined;

  override render() {
    const card = this.seed;
    if (!card) return nothing;
    const wide = card.picture.replace('.webp', '@2x.webp');
    return html`<article class="card" aria-labelledby="name">
      <img src=${card.picture} srcset=${`${card.picture} 400w, ${wide} 800w`} sizes="50vw" alt=${card.name} />
      <h2 id="name">${card.name}</h2>
      <a href=${`/product/${card.id}?sku=${card.sku}`} aria-current=${card.current ? 'page' : nothing}
        ><svg class="dot" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="10" cy="10" r="10" fill=${card.colour}></circle></svg
        >${card.name}</a
      >
      <div class="buy"><checkout-add-to-cart sku=${card.sku}></checkout-add-to-cart></div>
    </article>`;
  }
}
customElements.define('test-product-card', TestProductCard);

const CARD: CardSeed = {
  id: 'CL-01',
  sku: 'CL-01-GR',
  name: 'Heritage <Workhorse> & "friends" </script>',
  picture: '/cdn/img/product/CL-01-GR.webp',
  colour: '#6b8e23',
  current: true,
};
const productCard = () =>
  renderElement({ tag: 'test-product-card', seed: CARD }, new URL('http://localhost/product/CL-01'));

/** Decide's product page as Lit SSR rendered it (trimmed): the markup every product page answer looks like. */
const CAPTURED_PRODUCT_PAGE = `<template shadowroot="open" shadowrootmode="open"><style>:host{display: block;}.variant[aria-current]{font-weight: 700;}</style><!--lit-part MLVN+zfauL4=--><article class="product">
        <!--lit-node 1--><img
          class="picture"
          src="/cdn/img/product/CL-01-GR.webp"
          srcset="/cdn/img/product/CL-01-GR@0.6x.webp 240w, /cdn/img/product/CL-01-GR.webp 400w, /cdn/img/product/CL-01-GR@2x.webp 800w"
          sizes="(min-width: 48rem) 50vw, 100vw"
          alt="Heritage Workhorse in Verdant Field"
          width="400"
          height="300"
          fetchpriority="high"
        />
        <div>
          <h1><!--lit-part-->Heritage Workhorse<!--/lit-part--></h1>
          <ul class="variants" aria-label="Variants">
            <!--lit-part--><!--lit-part lovmfBk9Gjs=--><li>
                <!--lit-part 3axaD3JGbuM=--><!--lit-node 0--><a class="variant" href="/product/CL-01?sku=CL-01-GY"><!--lit-part 0DXC0zMNdb0=--><svg class="dot" viewBox="0 0 20 20" aria-hidden="true">
                  <!--lit-node 1--><circle cx="10" cy="10" r="10" fill="#708090"></circle></svg
                ><!--lit-part-->Stormy Sky<!--/lit-part--><?><!--/lit-part--></a><!--/lit-part-->
              </li><!--/lit-part--><!--/lit-part-->
          </ul>
          <div class="buy"><!--lit-node 10--><checkout-add-to-cart sku="CL-01-GR"></checkout-add-to-cart></div>
        </div>
      </article>
      <!--lit-node 11--><inspire-recommendations skus="CL-01-GR"></inspire-recommendations><!--/lit-part--></template><script type="application/json" data-seed>{"product":{"id":"CL-01","name":"Heritage \\u003cWorkhorse>"},"sku":null}</script>`;

const SEED = '<script type="application/json" data-seed>{"sku":"CL-01-GR"}</script>';
/** `markup` inside a declarative shadow root, as a team's render answer holds it. */
const inShadowRoot = (markup: string) =>
  `<template shadowrootmode="open"><style>:host{display:block}</style>${markup}</template>${SEED}`;

describe('what the gateway places', () => {
  test('a real render answer: shadow root, styles, lit-part comments, srcset, aria-*, SVG, fragment, seed', () => {
    const inner = productCard();
    assert.match(inner, /^<template shadowroot="open" shadowrootmode="open"><style>/);
    assert.match(inner, /<!--lit-part/);
    assert.match(inner, /\\u003c\/script>/, 'the seed escapes "<"');
    assert.equal(unsafeMarkup(inner), undefined);
    assert.equal(unsafeRenderAnswer({ tag: 'test-product-card', inner }), undefined);
  });

  test('Decide’s product page as Lit SSR rendered it', () => {
    assert.equal(unsafeMarkup(CAPTURED_PRODUCT_PAGE), undefined);
  });

  test('links, pictures and data the pages use', () => {
    for (const markup of [
      '<a href="/product/CL-01?sku=CL-01-GY" aria-current="page">Stormy Sky</a>',
      '<a href="https://example.com/a,b;c">away</a>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
      '<p title="javascript: the language">a &lt;script&gt; in text</p>',
      '<script type=" Application/JSON ">{}</script>',
      '<form action="/checkout/cart" method="post"><button formaction="/checkout/cart/add">Add</button></form>',
      '',
    ]) {
      assert.equal(unsafeMarkup(markup), undefined, markup);
    }
  });
});

describe('what the gateway refuses', () => {
  const refused: readonly (readonly [string, string, RegExp])[] = [
    ['a script inside the declarative shadow root', inShadowRoot('<script>alert(1)</script>'), /^<script>$/],
    ['a script with mixed case', `${inShadowRoot('')}<ScRiPt>alert(1)</sCrIpT>`, /^<script>$/],
    ['a module script', inShadowRoot('<script type="module">alert(1)</script>'), /^<script type="module">$/],
    ['a classic script', inShadowRoot('<script type="text/javascript">1</script>'), /text\/javascript/],
    ['a script with an empty type', inShadowRoot('<script type="">1</script>'), /^<script type="">$/],
    ['a script inside SVG', inShadowRoot('<svg><script>alert(1)</script></svg>'), /in SVG or MathML/],
    [
      'a seed-like script inside SVG',
      inShadowRoot('<svg><script type="application/json">{}</script></svg>'),
      /in SVG or MathML/,
    ],
    ['an onerror handler', inShadowRoot('<img src=x onerror=alert(1)>'), /^onerror on <img>$/],
    [
      'an upper-case handler',
      inShadowRoot('<button ONCLICK="alert(1)">buy</button>'),
      /^onclick on <button>$/,
    ],
    ['a handler in SVG', inShadowRoot('<svg onload="alert(1)"></svg>'), /^onload on <svg>$/],
    ['a handler on a seed', '<script type="application/json" onload="alert(1)">{}</script>', /onload/],
    ['a handler the page’s <body> would take', '<body onload="alert(1)">', /^onload on <body>$/],
    ['a javascript: link', inShadowRoot('<a href="javascript:alert(1)">x</a>'), /^href on <a> runs code$/],
    ['an upper-case scheme', inShadowRoot('<a href="JavaScript:alert(1)">x</a>'), /runs code/],
    ['a hex entity in the scheme', inShadowRoot('<a href="jav&#x61;script:alert(1)">x</a>'), /runs code/],
    ['a decimal entity in the scheme', inShadowRoot('<a href="&#106;avascript:alert(1)">x</a>'), /runs code/],
    ['a tab in the scheme', inShadowRoot('<a href="java&Tab;script:alert(1)">x</a>'), /runs code/],
    ['a newline in the scheme', inShadowRoot('<a href="java\nscript:alert(1)">x</a>'), /runs code/],
    ['leading controls', inShadowRoot('<a href=" &#1;\njavascript:alert(1)">x</a>'), /runs code/],
    ['a vbscript: link', inShadowRoot('<a href="vbscript:msgbox(1)">x</a>'), /runs code/],
    ['a data: document', inShadowRoot('<a href="data:text/html,<p>x</p>">x</a>'), /runs code/],
    ['a javascript: form', inShadowRoot('<form action="javascript:alert(1)"></form>'), /^action on <form>/],
    [
      'a javascript: button',
      inShadowRoot('<button formaction="javascript:alert(1)">x</button>'),
      /formaction/,
    ],
    ['a javascript: poster', inShadowRoot('<video poster="javascript:alert(1)"></video>'), /poster/],
    ['a srcset entry', inShadowRoot('<img srcset="/a.webp 1x, javascript:alert(1) 2x">'), /^srcset on <img>/],
    [
      'an xlink:href in SVG',
      inShadowRoot('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
      /^xlink:href on <a> runs code$/,
    ],
    [
      'an SVG animation setting an href',
      inShadowRoot(
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
      ),
      /^values on <animate> runs code$/,
    ],
    [
      'an SVG animation setting a handler',
      inShadowRoot('<svg><set attributeName="onclick" to="alert(1)"/></svg>'),
      /^<set> of "onclick"$/,
    ],
    [
      'an xlink:href in MathML',
      inShadowRoot(
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
      ),
      /xlink:href on <maction>/,
    ],
    [
      'an iframe srcdoc',
      inShadowRoot('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
      /srcdoc/,
    ],
    ['an iframe', inShadowRoot('<iframe src="/checkout/cart"></iframe>'), /^<iframe>$/],
    ['an object', inShadowRoot('<object data="/x.svg"></object>'), /^<object>$/],
    ['an embed', inShadowRoot('<embed src="/x.swf">'), /^<embed>$/],
    ['a base', inShadowRoot('<base href="https://evil.example/">'), /^<base>$/],
    [
      'a meta refresh',
      inShadowRoot('<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
      /meta/,
    ],
    ['an HTML import', inShadowRoot('<link rel="import" href="/x.html">'), /rel=import/],
    ['a plaintext', inShadowRoot('<plaintext>'), /<plaintext>/],
    ['a doctype', `<!DOCTYPE html>${inShadowRoot('')}`, /doctype/],
    // The gateway's nonce goes after every "<script": in an attribute, its quotes end the value early and the
    // rest becomes a real, nonced script.
    [
      'a script in an attribute',
      inShadowRoot('<a title="<script><script>alert(1)</script>">x</a>'),
      /"<script"/,
    ],
    ['a style in an attribute', inShadowRoot(`<p title='<style>'>x</p>`), /"<style"/],
    ['a script in raw text', inShadowRoot('<noscript><script>alert(1)</script></noscript>'), /"<script"/],
    // Another part is spliced in after every fragment tag: it must be a start tag, in HTML.
    [
      'a fragment tag in an attribute',
      inShadowRoot(`<a title='<checkout-add-to-cart></checkout-add-to-cart>'>x</a>`),
      /"<checkout-add-to-cart" outside a start tag/,
    ],
    [
      'a fragment tag in a comment',
      inShadowRoot('<!--<checkout-mini-cart></checkout-mini-cart>-->'),
      /"<checkout-mini-cart"/,
    ],
    [
      'a fragment tag in raw text',
      inShadowRoot('<style><checkout-mini-cart></checkout-mini-cart></style>'),
      /"<checkout-mini-cart"/,
    ],
    [
      'a fragment tag whose attribute holds a ">" (the splice would land inside the attribute)',
      inShadowRoot(`<checkout-mini-cart title='x></checkout-mini-cart>'></checkout-mini-cart>`),
      /^a ">" inside the start tag at \d+$/,
    ],
    [
      'a fragment tag in SVG',
      inShadowRoot('<svg><checkout-mini-cart></checkout-mini-cart></svg>'),
      /^<checkout-mini-cart> in SVG or MathML$/,
    ],
    // The next part's markup would be read inside what this one left unfinished.
    ['an unfinished attribute', `${inShadowRoot('')}<a title="`, /^unfinished markup \(eof-in-tag\)$/],
    ['an unfinished tag', `${inShadowRoot('')}<a href=/x`, /eof-in-tag/],
    ['an unfinished comment', `${inShadowRoot('')}<!--`, /eof-in-comment/],
    ['a lone "<"', `${inShadowRoot('')}<`, /eof-before-tag-name/],
    [
      'an unfinished seed',
      '<script type="application/json" data-seed><!--<script>',
      /eof-in-script-html-comment-like-text/,
    ],
    ['an unclosed text area', `${inShadowRoot('')}<textarea>`, /textarea|only-text/],
    ['an unclosed shadow root', '<template shadowrootmode="open"><p>x</p>', /^<template> left open$/],
    ['an unclosed SVG', `${inShadowRoot('')}<svg>`, /^<svg> left open$/],
    ['an end tag that closes the page’s', `${inShadowRoot('')}</div></main>`, /^<\/div> closes nothing/],
  ];
  for (const [name, markup, reason] of refused) {
    test(name, () => assert.match(unsafeMarkup(markup) ?? 'placed', reason));
  }

  test('an answer whose tag is not a custom element name', () => {
    for (const tag of ['script', 'img src=x onerror=alert(1)', 'DECIDE-PAGE', 'decide-page>']) {
      assert.match(
        unsafeRenderAnswer({ tag, inner: 'alert(1)' }) ?? 'placed',
        /is no custom element name/,
        tag,
      );
    }
  });
});

describe('the gateway leaves a refused answer to the browser', () => {
  const BUILD = 'bbbbbbbbbbbb';
  const deployment = (team: string): Deployment => ({
    id: 1,
    team,
    version: '1.0.0',
    build: BUILD,
    action: 'deploy',
    restores: null,
    builtAt: null,
    deployedAt: '2025-01-01T00:00:00Z',
    imports: {},
    integrity: {},
    server: { url: `/assets/${team}/${BUILD}/tractor-${team}-ssr.js`, integrity: 'sha384-x' },
    surface: null,
  });
  const answers = new Map<string, { tag: string; inner: string }>();
  let service: FastifyInstance;
  let origin: string;

  before(async () => {
    service = Fastify();
    service.get<{ Params: { team: string; '*': string } }>('/:team/render/*', async (request, reply) => {
      const answer = answers.get(`${request.params.team} ${request.params['*']}`);
      if (!answer) return reply.code(404).send({ statusCode: 404 });
      return { version: BUILD, ...answer };
    });
    origin = await service.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => service.close());

  /** The product page's application as the gateway composes it, and what it was told of the misses. */
  async function composeProductPage() {
    const misses: [string, string][] = [];
    const composition = new Composition(new URL('http://localhost/product/CL-01'), {
      services: { decide: origin, checkout: origin },
      live: [deployment('decide'), deployment('checkout')],
      deadline: Date.now() + 5000,
      onMiss: (what, why) => misses.push([what, why]),
    });
    const shown = await composition.application('@tractor/decide/product');
    return { html: await flatten(shown.piece), misses };
  }

  test('a hostile page is not placed, the page still renders, and onMiss is told why', async () => {
    answers.clear();
    answers.set('decide page/product', {
      tag: 'decide-product-page',
      inner: inShadowRoot('<img src=x onerror=alert(1)>'),
    });
    const { html, misses } = await composeProductPage();
    assert.equal(html, '<div id="single-spa-application:@tractor/decide/product"></div>');
    assert.deepEqual(misses, [['decide page/product', `refused: onerror on <img> (live build ${BUILD})`]]);
  });

  test('a benign page is placed, and a hostile fragment inside it is left to the browser', async () => {
    answers.clear();
    answers.set('decide page/product', { tag: 'test-product-card', inner: productCard() });
    answers.set('checkout fragment/checkout-add-to-cart', {
      tag: 'checkout-add-to-cart',
      inner: inShadowRoot('<svg><script>alert(1)</script></svg>'),
    });
    const { html, misses } = await composeProductPage();
    assert.match(
      html,
      /^<div id="single-spa-application:@tractor\/decide\/product" data-ssr><test-product-card>/,
    );
    assert.match(
      html,
      /<checkout-add-to-cart sku="CL-01-GR"><\/checkout-add-to-cart>/,
      'the fragment stays empty',
    );
    assert.deepEqual(misses, [
      ['checkout fragment/checkout-add-to-cart', `refused: <script> in SVG or MathML (live build ${BUILD})`],
    ]);
  });

  test('an answer hiding a script where the nonce goes never becomes a nonced script', async () => {
    answers.clear();
    answers.set('decide page/product', {
      tag: 'decide-product-page',
      inner: inShadowRoot('<a title="<script><script>alert(1)</script>">x</a>'),
    });
    const { html, misses } = await composeProductPage();
    assert.deepEqual(nonSeedScripts(withNonce(html, 'n0nce')), []);
    assert.match(misses[0]?.[1] ?? '', /^refused: "<script" outside a start tag/);
  });

  test('an answer whose tag is a script is not placed', async () => {
    answers.clear();
    answers.set('decide page/product', { tag: 'script', inner: 'alert(1)//' });
    const { html, misses } = await composeProductPage();
    assert.equal(html, '<div id="single-spa-application:@tractor/decide/product"></div>');
    assert.match(misses[0]?.[1] ?? '', /^refused: tag "script" is no custom element name/);
  });
});

/** A piece with every part that came later in its place. */
async function flatten(piece: Piece): Promise<string> {
  if (typeof piece === 'string') return piece;
  const parts = await Promise.all(piece.map(async (chunk) => flatten(await chunk)));
  return parts.join('');
}

/** The scripts a browser would read in this page that are not JSON seeds, as "type: text". */
function nonSeedScripts(page: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterTypes.Node) => {
    if ('tagName' in node && node.tagName === 'script') {
      const type = node.attrs.find((a) => a.name === 'type')?.value ?? '';
      const text = node.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
      if (type.trim().toLowerCase() !== 'application/json') found.push(`${type}: ${text}`);
    }
    if ('content' in node) visit(node.content);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(page));
  return found;
}
