import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { buildPath, buildQuery, defineRoutes, HttpError, request } from './http.js';

const routes = defineRoutes({
  thing: {
    method: 'GET',
    path: '/things/:id',
    params: z.object({ id: z.string() }),
    response: z.object({ id: z.string(), count: z.number() }),
  },
});

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('paths and queries are encoded', () => {
  assert.equal(buildPath('/things/:id', { id: 'a b/c' }), '/things/a%20b%2Fc');
  assert.equal(buildQuery({ skus: 'CL-01-GR,CL-01-GY', none: undefined }), '?skus=CL-01-GR%2CCL-01-GY');
  assert.equal(buildQuery({}), '');
});

test('returns the parsed answer', async () => {
  const thing = await request(
    routes.thing,
    { params: { id: 'x' } },
    { fetch: answer(200, { id: 'x', count: 2 }) },
  );
  assert.deepEqual(thing, { id: 'x', count: 2 });
});

test('an error answer becomes an HttpError with the service message and field', async () => {
  const fetch = answer(400, {
    statusCode: 400,
    error: 'Bad Request',
    message: 'params.id: nope',
    field: 'id',
  });
  const error = await request(routes.thing, { params: { id: 'x' } }, { fetch }).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 400);
  assert.equal(error.message, 'params.id: nope');
  assert.equal(error.field, 'id');
});

test('an answer of the wrong shape is an error, not data', async () => {
  const error = await request(routes.thing, { params: { id: 'x' } }, { fetch: answer(200, { id: 1 }) }).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof HttpError);
  assert.match(error.message, /unexpected shape/);
});

test('an unreachable service is status 0; an abort stays an abort', async () => {
  const refused = async () => {
    throw new TypeError('fetch failed');
  };
  const error = await request(routes.thing, { params: { id: 'x' } }, { fetch: refused }).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 0);

  const controller = new AbortController();
  controller.abort();
  const aborted = async () => {
    throw new DOMException('aborted', 'AbortError');
  };
  const abort = await request(
    routes.thing,
    { params: { id: 'x' } },
    { fetch: aborted, signal: controller.signal },
  ).catch((e: unknown) => e);
  assert.ok(abort instanceof DOMException);
});
