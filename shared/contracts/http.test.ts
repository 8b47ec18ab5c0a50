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

test('every request starts or continues a W3C trace (traceparent)', async () => {
  const sent: string[] = [];
  const fetchStub: typeof fetch = async (_url, init) => {
    sent.push(new Headers(init?.headers).get('traceparent') ?? '');
    return Response.json({ ok: true });
  };
  const route = { method: 'GET', path: '/x', response: z.object({ ok: z.boolean() }) } as const;
  await request(route, {}, { fetch: fetchStub });
  await request(route, {}, { fetch: fetchStub });
  await request(route, {}, { fetch: fetchStub, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
  const [first, second, continued] = sent.map((header) =>
    /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(header),
  );
  assert.ok(first && second && continued, sent.join(' '));
  assert.notEqual(first[1], second[1], 'each request of the browser starts its own trace');
  assert.equal(continued[1], '4bf92f3577b34da6a3ce929d0e0e4736');
});

test('no answer within the timeout is a 504; an idempotent request gets one more try, a POST does not', async () => {
  const route = { method: 'GET', path: '/slow', response: z.object({ ok: z.boolean() }) } as const;
  const hang: typeof fetch = (_url, init) =>
    new Promise((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
    );
  const started = Date.now();
  // AbortSignal.timeout does not keep Node running on its own (a real socket would): this does, meanwhile.
  const keepAlive = setInterval(() => {}, 1000);
  const timedOut = await request(route, {}, { fetch: hang, timeoutMs: 50, retryDelayMs: () => 0 }).catch(
    (e: unknown) => e,
  );
  clearInterval(keepAlive);
  assert.ok(timedOut instanceof HttpError);
  assert.equal(timedOut.status, 504);
  assert.ok(Date.now() - started < 1000);

  let calls = 0;
  const flaky: typeof fetch = async () =>
    ++calls === 1
      ? Response.json({ statusCode: 503, error: 'x', message: 'down' }, { status: 503 })
      : Response.json({ ok: true });
  assert.deepEqual(await request(route, {}, { fetch: flaky, retryDelayMs: () => 0 }), { ok: true });
  assert.equal(calls, 2);

  calls = 0;
  const post = {
    method: 'POST',
    path: '/orders',
    body: z.object({}),
    response: z.object({ ok: z.boolean() }),
  } as const;
  await assert.rejects(request(post, { body: {} }, { fetch: flaky, retryDelayMs: () => 0 }), /down/);
  assert.equal(calls, 1, 'a POST is sent once');
  calls = 0;
  const order = { ...post, idempotent: true } as const;
  assert.deepEqual(await request(order, { body: {} }, { fetch: flaky, retryDelayMs: () => 0 }), { ok: true });
  assert.equal(calls, 2, 'an order with its idempotency key is sent again');
});
