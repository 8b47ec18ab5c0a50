// The files the gateway serves as they are, from the root config's build.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { pageWorld, type PageWorld } from './testing.js';

let world: PageWorld;
let gateway: FastifyInstance;

before(async () => {
  world = await pageWorld();
  ({ gateway } = world);
});
after(() => world.close());

test('hashed shared files are cached for good; missing files are a 404', async () => {
  const ui = await gateway.inject('/shared/tractor-ui.0123abcd.js');
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['cache-control'] as string, /immutable/);
  assert.equal((await gateway.inject('/shared/nope.js')).statusCode, 404);
  assert.equal((await gateway.inject('/favicon.ico')).statusCode, 404);
});
