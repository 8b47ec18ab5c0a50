// Property-based requests against a service (fast-check), from its contract: for every route, requests built
// from valid examples, and the same requests systematically broken — each parameter, query value or body field
// replaced by a wrong type, dropped, made huge, made of any unicode; unknown keys added; the body sent as
// something that is not JSON or under a wrong content type; bad cookies. The properties: never a 5xx; every 4xx
// is JSON in the error shape, with a message saying what is wrong; a valid request succeeds.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ApiError, type RouteDefinition } from '@tractor/shared/contracts/http';

type Fields = Record<string, unknown>;

/** A request as the contract sees it: path parameters, query, JSON body. */
export interface RouteInput {
  readonly params?: Fields;
  readonly query?: Fields;
  readonly body?: Fields;
}

export interface FuzzRoute {
  readonly route: RouteDefinition;
  /** Valid requests: each must succeed. */
  readonly valid: readonly RouteInput[];
  /** Statuses a valid request may also get (e.g. 409 when the stock ran out during the run). */
  readonly alsoAccepted?: readonly number[];
}

export interface FuzzReport {
  /** Requests sent, and how many were valid / broken. */
  tried: number;
  valid: number;
  broken: number;
  /** 5xx answers seen (the property fails on the first). */
  serverErrors: number;
  /** Answers by status. */
  statuses: Record<number, number>;
}

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
}

/** Values of the wrong type, or right type with hostile content. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>',
    '%',
    '%00',
    '🚜'.repeat(20),
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** One way to break a set of fields: replace, drop, or add one. */
function brokenFields(fields: Fields | undefined): fc.Arbitrary<Fields> {
  const keys = Object.keys(fields ?? {});
  const base = fields ?? {};
  const options: fc.Arbitrary<Fields>[] = [
    // An unknown key.
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), hostile)
      .filter(([key]) => !keys.includes(key) && key !== '__proto__')
      .map(([key, value]) => ({ ...base, [key]: value })),
  ];
  if (keys.length) {
    options.push(
      fc.tuple(fc.constantFrom(...keys), hostile).map(([key, value]) => ({ ...base, [key]: value })),
      fc
        .constantFrom(...keys)
        .map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
    );
  }
  return fc.oneof(...options);
}

function encodeQuery(query: Fields | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) search.append(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function pathOf(route: RouteDefinition, params: Fields | undefined): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    return encodeURIComponent(
      value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value),
    );
  });
}

function request(route: RouteDefinition, input: RouteInput, extra: Partial<Sent> = {}): Sent {
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  return {
    method: route.method,
    url: `${pathOf(route, input.params)}${encodeQuery(input.query)}`,
    headers: hasBody ? { 'content-type': 'application/json' } : {},
    ...(hasBody ? { payload: JSON.stringify(input.body ?? {}) } : {}),
    ...extra,
  };
}

/** A valid request, broken in one of the ways a careless or hostile caller would. */
function brokenRequest(route: RouteDefinition, valid: RouteInput): fc.Arbitrary<Sent> {
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const ways: fc.Arbitrary<Sent>[] = [
    brokenFields(valid.query).map((query) => request(route, { ...valid, query })),
    // A cookie header no browser would send: random, huge, or a cart cookie of nonsense.
    fc
      .oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }).map((v) => `c_cart=${encodeURIComponent(v)}`),
        fc.string({ maxLength: 200 }).map((v) => `c_cart=${v.replace(/[;\r\n]/g, '')}`),
        fc.constant(`c_cart=${'CL-01-GR_1|'.repeat(500)}`),
        fc.string({ maxLength: 100 }).map((v) => v.replace(/[\r\n]/g, '')),
      )
      .map((cookie) => request(route, valid, { headers: { ...request(route, valid).headers, cookie } })),
  ];
  if (valid.params)
    ways.push(brokenFields(valid.params).map((params) => request(route, { ...valid, params })));
  if (hasBody) {
    ways.push(
      brokenFields(valid.body).map((body) => request(route, { ...valid, body })),
      // Not JSON, or not an object, under a JSON content type.
      fc
        .oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('{', '[]', 'null', '1', '"x"', '{"a":', '\u0000'),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
        )
        .map((payload) => request(route, valid, { payload })),
      // The right body under a wrong content type.
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          '',
        )
        .map((type) => {
          const sent = request(route, valid);
          const headers: Record<string, string> = type ? { 'content-type': type } : {};
          return { ...sent, headers };
        }),
    );
  }
  return fc.oneof(...ways);
}

/**
 * Runs `runs` valid and `runs` broken requests per route against `app` and asserts the properties. Returns
 * what was tried.
 */
export async function fuzzService(
  app: FastifyInstance,
  routes: readonly FuzzRoute[],
  { runs = 150, cookie }: { runs?: number; cookie?: string } = {},
): Promise<FuzzReport> {
  const report: FuzzReport = { tried: 0, valid: 0, broken: 0, serverErrors: 0, statuses: {} };
  const send = async (sent: Sent) => {
    const response = await app.inject({
      method: sent.method as 'GET',
      url: sent.url,
      headers: cookie && !sent.headers.cookie ? { ...sent.headers, cookie } : sent.headers,
      ...(sent.payload !== undefined ? { payload: sent.payload } : {}),
    });
    report.tried++;
    report.statuses[response.statusCode] = (report.statuses[response.statusCode] ?? 0) + 1;
    if (response.statusCode >= 500) report.serverErrors++;
    return response;
  };
  const describe = (sent: Sent) =>
    `${sent.method} ${sent.url.slice(0, 200)} ${sent.payload?.slice(0, 200) ?? ''}`;

  for (const { route, valid, alsoAccepted = [] } of routes) {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...valid), async (input) => {
        const sent = request(route, input);
        const response = await send(sent);
        report.valid++;
        assert.ok(
          response.statusCode < 400 || alsoAccepted.includes(response.statusCode),
          `a valid request failed: ${describe(sent)} → ${response.statusCode} ${response.body.slice(0, 300)}`,
        );
      }),
      { numRuns: Math.ceil(runs / 5) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...valid).chain((input) => brokenRequest(route, input)),
        async (sent) => {
          const response = await send(sent);
          report.broken++;
          const what = `${describe(sent)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          assert.ok(response.statusCode < 500, `a server error: ${what}`);
          if (response.statusCode >= 400) {
            assert.match(String(response.headers['content-type']), /application\/json/, what);
            const parsed = ApiError.safeParse(response.json());
            assert.ok(parsed.success, `not the error shape: ${what}`);
            assert.equal(parsed.data.statusCode, response.statusCode, what);
            assert.ok(parsed.data.message.length > 3, `no message: ${what}`);
          }
        },
      ),
      { numRuns: runs },
    );
  }
  return report;
}
