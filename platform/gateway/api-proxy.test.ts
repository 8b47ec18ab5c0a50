// The gateway's proxy of the teams' APIs, through a real socket. What a caller sends that is too large gets a
// 413 it can read — whatever the content type, with or without a length — and never reaches a team's service.
// An answer kept in memory goes only to callers that may have it: one encoded for another caller's
// Accept-Encoding never does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import { buildGateway } from './gateway.js';
import { DeployTokens } from '../importmap/tokens.js';
import { gatewayWorld, type GatewayWorld } from './testing.js';

let world: GatewayWorld;
let upstream: FastifyInstance;
let gateway: FastifyInstance;
let origin: string;
const reached: string[] = [];
let mineServed = 0;

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
});
after(async () => {
  await gateway.close();
  await upstream.close();
  await world.close();
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
