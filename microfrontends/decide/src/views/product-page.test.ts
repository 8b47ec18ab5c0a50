// <decide-product-page> in its four states (and its "not found"), on Decide's msw mock (Decide's data module),
// rendered by Lit SSR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRoutes } from '@tractor/shared/contracts/decide';
import { DecideClient } from '@tractor/shared/contracts/decide/client';
import { mountView, ORIGIN, renderOnServer, serveMocks } from '@tractor/shared/testing/views';
import { decideHandlers } from '@tractor/mocks/decide';
import { failRoute } from '@tractor/mocks/contract-handler';
import { renderer } from '../ssr.js';
import './product-page.js';

const server = serveMocks(...decideHandlers);
const ID = 'AU-02';
/** What Decide's API answers (its mock, on Decide's data) for the product. */
const product = () => new DecideClient({ baseUrl: ORIGIN }).product(ID);
const LOADING = 'Loading the product';

test('initial: before its data the page holds the product’s place and says it loads the product', async () => {
  const { name } = await product();
  const shown = mountView('decide-product-page', { url: `/product/${ID}` }).render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, [LOADING]);
  assert.ok(shown.busy);
  assert.ok(!shown.html.includes(name));
});

test('pending: while the product loads, the placeholder stays', async () => {
  const view = mountView('decide-product-page', { url: `/product/${ID}` }).connect();
  assert.ok(view.loading, 'it loads');
  const shown = view.render();
  assert.equal(shown.text, '');
  assert.deepEqual(shown.labels, [LOADING]);
  await view.settle();
});

test('complete: the name, the highlights and the variants, the one in the URL selected', async () => {
  const { name, highlights, variants } = await product();
  assert.ok(variants.length > 1);
  const selected = variants[1]!;
  const view = mountView('decide-product-page', { url: `/product/${ID}?sku=${selected.sku}` }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.busy, false);
  assert.equal(shown.text, [name, ...highlights, ...variants.map((v) => v.name)].join(' '));
  assert.match(shown.html, new RegExp(`<h1>${name}</h1>`));
  assert.match(shown.html, new RegExp(`alt="${name} in ${selected.name}"`));
  assert.match(
    shown.html,
    new RegExp(`<span class="variant" aria-current="true">[\\s\\S]*?${selected.name}`),
  );
  assert.deepEqual(
    shown.links.map((l) => l.text),
    variants.filter((v) => v !== selected).map((v) => v.name),
    'the other variants are links',
  );
  assert.match(shown.html, new RegExp(`<checkout-add-to-cart sku="${selected.sku}"`));
});

test('not found: a product id Decide does not know, and the way to all machines', async () => {
  const view = mountView('decide-product-page', { url: '/product/XX-99' }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(shown.text, 'Page not found We have no tractor called XX-99. See all machines');
  assert.deepEqual(shown.links, [{ text: 'See all machines', href: '/products' }]);
});

test('error: the product cannot be shown right now, and the shopper can try again', async () => {
  server.use(failRoute(decideRoutes.product));
  const view = mountView('decide-product-page', { url: `/product/${ID}` }).connect();
  await view.settle();
  const shown = view.render();
  assert.equal(
    shown.text,
    'This product cannot be shown right now ' +
      'We could not reach our product information. Please try again in a moment. try again',
  );
  assert.deepEqual(shown.buttons, [{ text: 'try again', disabled: false }]);
  assert.match(shown.html, /role="alert"/);
});

test('server-rendered: the product arrives complete; an unknown one as "not found", a 404', async () => {
  const { name, variants } = await product();
  const page = await renderOnServer(renderer, 'page', 'product', { url: `/product/${ID}` });
  assert.ok(page);
  assert.ok(page.text.startsWith(name));
  assert.equal(page.status, undefined);
  assert.match(
    page.html,
    new RegExp(`<span class="variant" aria-current="true">[\\s\\S]*?${variants[0]!.name}`),
  );

  const missing = await renderOnServer(renderer, 'page', 'product', { url: '/product/XX-99' });
  assert.equal(missing?.text, 'Page not found We have no tractor called XX-99. See all machines');
  assert.equal(missing.status, 404);
});
