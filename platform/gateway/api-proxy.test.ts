// The gateway's proxy of the teams' APIs, through a real socket. What a caller sends that is too large gets a
// 413 it can read — whatever the content type, with or without a length — and never reaches a team's service.
// A service that is down or hangs is an answer (503, 504), not a wait. An answer kept in memory goes only to
// callers that may have it: one encoded for another caller's Accept-Encoding never does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import { buildGateway } from './gateway.js';
import { DeployTokens } from '../importmap/tokens.js';
import { gatewayWorld, pageWorld, type GatewayWorld, type PageWorld } from './testing.js';

let world: GatewayWorld;
let upstream: FastifyInstance;
let gateway: FastifyInstance;
let origin: string;
const reached: string[] = [];
let mineServed = 0;
/** The page tests' gateway: Explore's service up, Decide's down. */
let shop: PageWorld;

before(async () => {
  world = await gatewayWorld();
  upstream = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  await upstream.register(compress, { threshold: 1024 });
  // A catalog read everyone may reuse for a minute, large enough to be compressed.
  upstream.get('/checkout/api/catalog', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return { items: Array.from({ length: 200 }, (_, i) => `item ${i}`) };
  });
  upstream.get('/checkout/api/mine', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60').header('vary', 'cookie');
    return { served: ++mineServed };
  });
  upstream.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  upstream.post('/checkout/api/cart/items', async (request) => {
    reached.push(String(request.headers['content-type']));
    return { ok: true };
  });
  const checkout = await upstream.listen({ port: 0, host: '127.0.0.1' });
  gateway = await buildGateway({
    distDir: world.dist,
    services: { checkout },
    platform: { db: world.db, assetDir: world.assetDir, tokens: new DeployTokens({}) },
  });
  origin = await gateway.listen({ port: 0, host: '127.0.0.1' });
  shop = await pageWorld();
});
after(async () => {
  await gateway.close();
  await upstream.close();
  await world.close();
  await shop.close();
});

const KB = 1024;

/** A body of `bytes` bytes, sent as a stream (no content-length: chunked). */
const streamOf = (bytes: number) => {
  const chunk = new Uint8Array(64 * KB).fill(0x20);
  let left = bytes;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      controller.enqueue(chunk.subarray(0, Math.min(left, chunk.length)));
      left -= chunk.length;
    },
  });
};

for (const type of [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
]) {
  test(`a team's API takes at most 64 KB of ${type}, with a length or streamed`, async () => {
    reached.length = 0;
    const small = await fetch(`${origin}/checkout/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: JSON.stringify({ pad: 'x'.repeat(60 * KB) }),
    });
    assert.equal(small.status, 200, 'a body within the limit is passed on');

    const sized = await fetch(`${origin}/checkout/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: JSON.stringify({ pad: 'x'.repeat(65 * KB) }),
    });
    assert.equal(sized.status, 413);
    assert.equal(((await sized.json()) as { statusCode: number }).statusCode, 413);

    const streamed = await fetch(`${origin}/checkout/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: streamOf(2 * 1024 * KB),
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413, 'a 2 MB stream gets its 413, not a cut connection');
    assert.match(((await streamed.json()) as { message: string }).message, /too large/i);
    assert.deepEqual(reached, [type], 'only the body within the limit reached the service');
  });
}

test('a kept answer goes only to callers that sent the same Accept-Encoding; one varying by more is not kept', async () => {
  const get = (url: string, headers: Record<string, string>) =>
    fetch(`${origin}${url}`, { headers }).then(async (r) => ({
      encoding: r.headers.get('content-encoding'),
      bytes: Buffer.from(await r.arrayBuffer()),
    }));
  const deflated = await get('/checkout/api/catalog', { 'accept-encoding': 'deflate' });
  assert.equal(deflated.encoding, 'deflate');
  // fetch decodes what it asked for itself; a caller that asked for nothing must get plain JSON.
  const plain = await get('/checkout/api/catalog', { 'accept-encoding': 'identity' });
  assert.equal(plain.encoding, null, 'not the deflated bytes kept for the first caller');
  assert.equal((JSON.parse(plain.bytes.toString('utf8')) as { items: string[] }).items.length, 200);
  const again = await get('/checkout/api/catalog', { 'accept-encoding': 'deflate' });
  assert.deepEqual(again.bytes, deflated.bytes, 'the same caller gets the kept answer');

  const first = await get('/checkout/api/mine', { cookie: 'a=1' });
  const second = await get('/checkout/api/mine', { cookie: 'b=2' });
  assert.notDeepEqual(second.bytes, first.bytes, 'an answer that varies by cookie is asked for again');
});

test('proxies a team’s API, with the query string', async () => {
  const api = await shop.gateway.inject('/explore/api/stores?x=1');
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json(), { stores: [], query: { x: '1' } });
});

test('a team whose service is down answers 503 JSON, not a hang or an HTML page', async () => {
  const response = await shop.gateway.inject('/decide/api/products/CL-01');
  assert.equal(response.statusCode, 503);
  assert.match(response.json().message, /decide/);
});

test('API bodies: passed on intact; too large (with a length or chunked) is the gateway’s own 413', async () => {
  const echo = Fastify();
  echo.post('/checkout/api/echo', async (request) => ({ got: request.body }));
  echo.get('/checkout/api/hang', () => new Promise(() => {}));
  const proxied = await shop.gatewayWith({
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
  const cached = await shop.gatewayWith({
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
