// The page as a stream, through a real socket: what is ready is sent at once — the head before any team has
// answered, a part before the fragments inside it — and a page still open after its time is logged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { exploreWithHeader, pageWorld, type PageWorld } from './testing.js';

let world: PageWorld;

before(async () => {
  world = await pageWorld();
});
after(() => world.close());

/** A team's render route that answers only when the test calls the returned function. */
function heldRender(app: FastifyInstance, route: string, answer: object): () => void {
  let release: () => void = () => {};
  app.get(route, () => new Promise((resolve) => (release = () => resolve(answer))));
  return () => release();
}

test('the page streams: the head is sent before the teams have answered', async () => {
  await world.deploy('explore', 'aaaaaaaaaaaa');
  const slow = Fastify();
  const answer = heldRender(slow, '/explore/render/fragment/explore-header', {
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">header</template>',
  });
  const streaming = await world.gatewayWith({
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
  await world.deploy('explore', 'aaaaaaaaaaaa');
  await world.deploy('checkout', 'cccccccccccc');
  const explore = exploreWithHeader();
  const checkout = Fastify();
  const answer = heldRender(checkout, '/checkout/render/fragment/checkout-mini-cart', {
    version: 'cccccccccccc',
    tag: 'checkout-mini-cart',
    inner: '<template shadowrootmode="open">2 items</template>',
  });
  const streaming = await world.gatewayWith({
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
  await world.deploy('explore', 'aaaaaaaaaaaa');
  const explore = Fastify();
  const answer = heldRender(explore, '/explore/render/fragment/explore-header', {
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">header</template>',
  });
  const lines: { msg: string; doing?: string; url?: string }[] = [];
  const watched = await world.gatewayWith({
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
