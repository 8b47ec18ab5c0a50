// Answers a service keeps, for routes whose contract says how long they may be reused (RouteDefinition.cache).
// An answer is kept as the bytes sent — JSON, with a strong ETag of exactly those bytes, and compressed copies
// made once — keyed by the request's URL. `deploy` data is kept until the process ends (a new version is a new
// process); `orders` data for a second at most, and dropped whenever an order is placed (`forget`), so stock
// shown after an order is the new stock. A request that started before a `forget` never stores its answer.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControl, type CacheRule, type RouteDefinition } from '@tractor/shared/contracts/http';
import { BoundedCache } from './bounded-cache.js';

export interface Answer {
  readonly body: string;
  readonly etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** How long data that orders change is kept: an order placed on another replica shows within this time. */
const ORDERS_KEPT_MS = 1000;
/** At most this many answers per route: a caller inventing URLs cannot grow it without bound. */
const MAX_ANSWERS = 2000;

export class Answers {
  readonly #entries = new BoundedCache<string, Answer>({ maxEntries: MAX_ANSWERS });
  readonly #rule: CacheRule;
  #generation = 0;

  constructor(rule: CacheRule) {
    this.#rule = rule;
  }

  /** A kept answer that is still good, if any. */
  get(url: string): Answer | undefined {
    return this.#entries.get(url);
  }

  /** Where the data stands now: a `store` made from data read before a later `forget` is ignored. */
  get generation(): number {
    return this.#generation;
  }

  store(url: string, body: string, generation: number): Answer {
    const answer: Answer = { body, etag: etagOf(body) };
    if (generation !== this.#generation) return answer;
    this.#entries.set(url, answer, this.#rule.changesWith === 'orders' ? ORDERS_KEPT_MS : Infinity);
    return answer;
  }

  /** The data changed: nothing kept so far may be served again. */
  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

/** A strong ETag: the same for byte-identical bodies only. */
export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Does If-None-Match name this ETag (or *)? */
export function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Sends a kept (or just made) answer: 304 when the caller has these very bytes, else the bytes, compressed once.
 * Each encoding is its own representation with its own strong ETag ("…", "….br", "….gz").
 */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, rule: CacheRule, answer: Answer) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding =
    answer.body.length <= 1024
      ? undefined
      : /\bbr\b/.test(accepted)
        ? 'br'
        : /\bgzip\b/.test(accepted)
          ? 'gzip'
          : undefined;
  const etag = encoding ? `${answer.etag.slice(0, -1)}.${encoding === 'br' ? 'br' : 'gz'}"` : answer.etag;
  reply.header('cache-control', cacheControl(rule)).header('etag', etag).header('vary', 'accept-encoding');
  if (notModified(request, etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (encoding === 'br') {
    answer.br ??= brotliCompressSync(answer.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
    return reply.header('content-encoding', 'br').send(answer.br);
  }
  if (encoding === 'gzip') {
    answer.gzip ??= gzipSync(answer.body, { level: 9 });
    return reply.header('content-encoding', 'gzip').send(answer.gzip);
  }
  return reply.send(answer.body);
}

const kept = new WeakMap<FastifyInstance, Map<RouteDefinition, Answers>>();

/** The answers `app` keeps for `route` (made on first use). */
export function answersOf(app: FastifyInstance, route: RouteDefinition & { cache: CacheRule }): Answers {
  let routes = kept.get(app);
  if (!routes) kept.set(app, (routes = new Map()));
  let answers = routes.get(route);
  if (!answers) routes.set(route, (answers = new Answers(route.cache)));
  return answers;
}

/** The data behind `route` changed (e.g. an order took stock): its kept answers are dropped. */
export function forget(app: FastifyInstance, route: RouteDefinition & { cache: CacheRule }): void {
  answersOf(app, route).forget();
}
