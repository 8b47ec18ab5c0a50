// The contract's vocabulary: a route is a method, a path and the schemas of what goes in and comes out.
// Services validate requests with these schemas, clients parse responses with them, mocks are typed by them.
import * as z from 'zod/mini';
import { traceparent } from './trace.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Schema = z.ZodMiniType;

export interface RouteDefinition {
  readonly method: Method;
  /** Path with fastify/msw style parameters, e.g. "/explore/api/stores/:id". */
  readonly path: string;
  readonly params?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  readonly response: Schema;
  /** The status of a successful answer, when it is not 200 (e.g. 201 for a created order). */
  readonly status?: number;
  /**
   * Sending it twice has the effect of sending it once (a GET; an order with its idempotency key): the client
   * tries it again, once, when no answer came or the edge said the service was unreachable.
   */
  readonly idempotent?: boolean;
  /** How long the client waits for an answer (ms); the default is REQUEST_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /**
   * How long an answer may be reused — by the browser, the edge, the gateway and the service itself — without
   * asking again. Absent: never (no-store): the caller's own data, a cart, an order.
   */
  readonly cache?: CacheRule;
}

export interface CacheRule {
  /** Seconds an answer is fresh (Cache-Control max-age). */
  readonly maxAge: number;
  /** Seconds a stale answer may still be shown while a fresh one is fetched (only where that is harmless). */
  readonly staleWhileRevalidate?: number;
  /**
   * What changes the data: `deploy` — only a new version of the service (its migrations), so the service keeps
   * answers for good; `orders` — an order (stock), so the service drops them when one is placed (and keeps them
   * a second at most: another replica may have taken the order).
   */
  readonly changesWith: 'deploy' | 'orders';
}

/** The Cache-Control header for a route's answers. */
export function cacheControl(rule: CacheRule | undefined): string {
  if (!rule) return 'no-store';
  // Kept, but asked again every time (a 304 when unchanged): data a shopper must never see old.
  if (rule.maxAge === 0) return 'no-cache';
  const swr = rule.staleWhileRevalidate ? `, stale-while-revalidate=${rule.staleWhileRevalidate}` : '';
  return `public, max-age=${rule.maxAge}${swr}`;
}

/** How long a client waits for an answer before it gives up (and the view shows its error state). */
export const REQUEST_TIMEOUT_MS = 5000;

type Part<R extends RouteDefinition, K extends 'params' | 'query' | 'body'> = R[K] extends Schema
  ? { readonly [P in K]: z.input<R[K]> }
  : { readonly [P in K]?: undefined };

/** What a caller sends: the wire form of params, query and body. */
export type RouteInput<R extends RouteDefinition> = Part<R, 'params'> & Part<R, 'query'> & Part<R, 'body'>;
/** What a caller gets back once the response parsed. */
export type RouteOutput<R extends RouteDefinition> = z.output<R['response']>;
/** What a handler receives once the request parsed. */
export type ParsedRequest<R extends RouteDefinition> = {
  readonly params: R['params'] extends Schema ? z.output<R['params']> : Record<string, never>;
  readonly query: R['query'] extends Schema ? z.output<R['query']> : Record<string, never>;
  readonly body: R['body'] extends Schema ? z.output<R['body']> : undefined;
};

export function defineRoutes<const T extends Record<string, RouteDefinition>>(routes: T): T {
  return routes;
}

/** The JSON body of every 4xx/5xx answer: fastify's error shape plus the field at fault, when there is one. */
export const ApiError = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  field: z.optional(z.string()),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * An answer other than success, on both sides of a route. A client gets one when a request did not give a usable
 * answer (`status` 0: the service could not be reached); a service or a mock throws one to answer with the JSON
 * error body (status, message, the field at fault).
 */
/** What a refusal says: its message, and the field of the request it is about (if one). */
export interface Refusal {
  readonly message: string;
  readonly field?: string | undefined;
}

export class HttpError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  /** One object, not two strings: a message and a field cannot be swapped and still compile. */
  constructor(status: number, { message, field }: Refusal) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.field = field;
  }
}

/** zod/mini ships no message texts: say what was expected in plain words. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}

function parsePart(schema: Schema | undefined, value: unknown, part: 'params' | 'query' | 'body'): unknown {
  if (!schema) return part === 'body' ? undefined : {};
  const result = schema.safeParse(part === 'body' ? value : { ...(value as object) }, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
  const field = String(issue?.path[0] ?? part);
  throw new HttpError(400, {
    message: `${part}${where}: ${issue ? describe(issue) : 'is not valid'}`,
    field,
  });
}

/**
 * A request's params, query and body, parsed with its route's schemas — by the services and the mocks alike, so
 * both refuse bad input with the same 400 naming the same field.
 */
export function parseRequest<R extends RouteDefinition>(
  route: R,
  raw: { readonly params?: unknown; readonly query?: unknown; readonly body?: unknown },
): ParsedRequest<R> {
  return {
    params: parsePart(route.params, raw.params, 'params'),
    query: parsePart(route.query, raw.query, 'query'),
    body: parsePart(route.body, raw.body, 'body'),
  } as ParsedRequest<R>;
}

export function buildPath(path: string, params: Readonly<Record<string, unknown>> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}

export function buildQuery(query: Readonly<Record<string, unknown>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  /** Prefix for the route's path; '' in the browser (same origin), an origin in Node. */
  readonly baseUrl?: string;
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
  /** The trace this request belongs to (a service calling another); otherwise each request starts one. */
  readonly traceId?: string | undefined;
  /** Overrides the route's timeout (ms). */
  readonly timeoutMs?: number;
  /** Waits before the one retry of an idempotent request (tests: 0). Default: 100–300 ms, jittered. */
  readonly retryDelayMs?: () => number;
}

/** Statuses that mean "no service answered": worth one more try of an idempotent request (another replica). */
const UNREACHABLE = new Set([0, 502, 503, 504]);

/** Calls one route: one try, and one more for an idempotent route that got no answer. */
export async function request<R extends RouteDefinition>(
  route: R,
  input: RouteInput<R>,
  options: RequestOptions = {},
): Promise<RouteOutput<R>> {
  const idempotent = route.idempotent ?? route.method === 'GET';
  try {
    return await requestOnce(route, input, options);
  } catch (error) {
    if (!idempotent || !(error instanceof HttpError) || !UNREACHABLE.has(error.status)) throw error;
    if (options.signal?.aborted) throw error;
    const delay = options.retryDelayMs?.() ?? 100 + Math.random() * 200;
    await new Promise((resolve) => setTimeout(resolve, delay));
    return requestOnce(route, input, options);
  }
}

/**
 * Calls one route and returns its parsed answer, or throws HttpError (the caller's aborts rethrow as they are;
 * no answer within the timeout is a 504).
 */
async function requestOnce<R extends RouteDefinition>(
  route: R,
  input: RouteInput<R>,
  options: RequestOptions = {},
): Promise<RouteOutput<R>> {
  const url =
    (options.baseUrl ?? '') +
    buildPath(route.path, input.params as Record<string, unknown> | undefined) +
    buildQuery(input.query as Record<string, unknown> | undefined);
  const init: RequestInit = {
    method: route.method,
    headers: { accept: 'application/json', traceparent: traceparent(options.traceId) },
    credentials: 'same-origin',
  };
  const timeoutMs = options.timeoutMs ?? route.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // The platform's own timeout, not shared/deadline.ts: this client is in every team's browser bundle (≈ 110 B
  // gzipped each for withinTime), and on the server its callers bound it with withinTime (a render, a call to
  // another service).
  const timeout = AbortSignal.timeout(timeoutMs);
  init.signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  if (input.body !== undefined) {
    init.body = JSON.stringify(input.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const noAnswer = (error: unknown) => {
    if (options.signal?.aborted) return error;
    if (timeout.aborted)
      return new HttpError(504, {
        message: `${route.method} ${route.path} did not answer within ${timeoutMs} ms.`,
      });
    return new HttpError(0, { message: `The service behind ${route.path} cannot be reached.` });
  };
  let response: Response;
  let payload: unknown;
  try {
    response = await (options.fetch ?? fetch)(url, init);
    payload = await response.json().catch((error: unknown) => {
      if (init.signal?.aborted) throw error;
      return undefined;
    });
  } catch (error) {
    throw noAnswer(error);
  }
  if (!response.ok) {
    const problem = ApiError.safeParse(payload);
    throw problem.success
      ? new HttpError(response.status, { message: problem.data.message, field: problem.data.field })
      : new HttpError(response.status, {
          message: `${route.method} ${route.path} answered ${response.status}.`,
        });
  }
  const parsed = route.response.safeParse(payload);
  if (!parsed.success) {
    throw new HttpError(response.status, {
      message: `${route.method} ${route.path} answered with an unexpected shape.`,
    });
  }
  return parsed.data as RouteOutput<R>;
}
