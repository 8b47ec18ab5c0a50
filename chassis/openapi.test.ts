import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { defineRoutes } from '@tractor/shared/contracts/http';
import { createServiceApp } from './app.js';
import { openTestDatabase } from './testing.js';
import { addRoute } from './routes.js';
import { apiRoutesOf, openApiDocument, openApiPath } from './openapi.js';

const routes = defineRoutes({
  thing: {
    method: 'GET',
    path: '/alpha/api/things/:id',
    params: z.object({ id: z.string() }),
    query: z.object({ full: z.optional(z.enum(['yes', 'no'])) }),
    response: z.object({ id: z.string() }),
    cache: { maxAge: 60, changesWith: 'deploy' },
  },
  make: {
    method: 'POST',
    path: '/alpha/api/things',
    body: z.object({ name: z.string().check(z.minLength(1)) }),
    response: z.object({ id: z.string() }),
    status: 201,
  },
});

test('the document says each route: path parameters, query, body, success status, errors, caching', () => {
  const document = openApiDocument('alpha', routes);
  assert.equal(openApiPath('/alpha/api/things/:id'), '/alpha/api/things/{id}');
  const get = document.paths['/alpha/api/things/{id}']!.get as Record<string, unknown>;
  assert.deepEqual(get.parameters, [
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'full', in: 'query', required: false, schema: { type: 'string', enum: ['yes', 'no'] } },
  ]);
  assert.match(String(get.description), /public, max-age=60/);
  const post = document.paths['/alpha/api/things']!.post as {
    requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    responses: Record<string, unknown>;
  };
  assert.deepEqual(post.requestBody.content['application/json'].schema.required, ['name']);
  assert.deepEqual(Object.keys(post.responses), ['201', 'default']);
});

test('the docs page is there only when asked for (the dev modes), and runs nothing', async () => {
  const { db, close } = await openTestDatabase();
  try {
    for (const docs of [false, true]) {
      const app = await createServiceApp({ team: 'alpha', db, routes, docs });
      addRoute(app, routes.thing, async ({ params }) => ({ id: params.id }));
      const page = await app.inject({ method: 'GET', url: '/alpha/api/docs' });
      assert.equal(page.statusCode, docs ? 200 : 404);
      if (docs) {
        assert.match(page.body, /GET \/alpha\/api\/things\/\{id\}/);
        assert.equal(page.headers['content-security-policy'], "default-src 'none'");
      }
      // Only what the team registered is recorded, not the documentation itself.
      assert.deepEqual(apiRoutesOf(app), ['GET /alpha/api/things/{id}']);
      await app.close();
    }
  } finally {
    await close();
  }
});
