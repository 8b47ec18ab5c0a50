import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { LitElement, html } from 'lit';
import { addRenderRoutes } from './render.js';
import { inProcessBuilds } from './testing.js';

const BUILD = 'b1b1b1b1b1b1';

class TestCart extends LitElement {
  override render() {
    return html`<p>cart</p>`;
  }
}
customElements.define('test-cart', TestCart);

test('a render says who may reuse it: everyone, only shoppers without a cookie, or no one', async () => {
  const app = Fastify();
  addRenderRoutes(app, {
    team: 'checkout',
    builds: inProcessBuilds(BUILD, {
      pages: {},
      fragments: {
        'test-frame': async () => ({ tag: 'test-cart', maxAge: 60 }),
        'test-mine': async () => ({ tag: 'test-cart', maxAge: 60, perShopper: true }),
        'test-stock': async () => ({ tag: 'test-cart' }),
      },
    }),
  });
  const ask = async (tag: string, cookie?: string) => {
    const answer = await app.inject({
      url: `/checkout/render/fragment/${tag}?url=%2F&build=${BUILD}`,
      headers: cookie ? { cookie } : {},
    });
    assert.equal(answer.statusCode, 200);
    assert.match(answer.json<{ inner: string }>().inner, /<p>.*cart.*<\/p>/);
    return `${answer.headers['cache-control']}; vary ${answer.headers.vary ?? '-'}`;
  };
  try {
    assert.equal(await ask('test-frame'), 'public, max-age=60; vary -');
    assert.equal(await ask('test-frame', 'c_cart=CL-01-GR_1'), 'public, max-age=60; vary -');
    assert.equal(await ask('test-mine'), 'public, max-age=60; vary cookie');
    assert.equal(await ask('test-mine', 'c_cart=CL-01-GR_1'), 'no-store; vary cookie');
    assert.equal(await ask('test-stock'), 'no-store; vary -');
  } finally {
    await app.close();
  }
});
