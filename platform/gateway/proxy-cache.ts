// The gateway's cache of team API answers: what a service marks `public, max-age=N` (its contract's rule) is
// answered from memory for N seconds — never an answer that sets a cookie, never a cart (no-store). An answer
// is kept per URL and per the request headers it varies by: the caller's Accept-Encoding as it was sent (the
// service chose its encoding from it, so only a caller that sent the same may get the same bytes); an answer
// that varies by anything else is not kept. A caller that has the bytes (If-None-Match) gets a 304.
import type { FastifyReply } from 'fastify';
import { BoundedCache } from '@tractor/chassis';

/** What the cache reads of a request (fastify's, whichever server type). */
interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

interface Kept {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
  readonly storedAt: number;
}

/** Headers that describe the answer itself, kept with it. */
const KEPT_HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'];
const MAX_ENTRIES = 5000;

/** The request headers an answer may vary by and still be kept: the key holds their values. */
const KEYED_HEADERS = new Set(['accept-encoding']);

/** Whether an answer's Vary names only headers the key holds. */
const keyable = (vary: unknown) =>
  vary === undefined ||
  String(vary)
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .every((name) => name === '' || KEYED_HEADERS.has(name));

export class ProxyCache {
  readonly #entries = new BoundedCache<string, Kept>({ maxEntries: MAX_ENTRIES });

  #key(request: RequestLike) {
    const encoding = request.headers['accept-encoding'];
    return `${JSON.stringify(Array.isArray(encoding) ? encoding.join(',') : (encoding ?? ''))} ${request.url}`;
  }

  /** Answers from memory if it can: true when it did. */
  answer(request: RequestLike, reply: FastifyReply): boolean {
    if (request.method !== 'GET') return false;
    const kept = this.#entries.get(this.#key(request));
    if (!kept) return false;
    const age = Date.now() - kept.storedAt;
    reply.headers(kept.headers).header('age', String(Math.floor(age / 1000)));
    const etag = kept.headers.etag;
    const asked = String(request.headers['if-none-match'] ?? '');
    if (etag && asked && asked.split(',').some((tag) => tag.trim() === etag)) {
      void reply.code(304).send();
    } else {
      void reply.code(200).send(kept.body);
    }
    return true;
  }

  /** How long an upstream answer may be kept (ms), or 0. */
  static keepFor(request: RequestLike, status: number, headers: Record<string, unknown>): number {
    if (request.method !== 'GET' || status !== 200 || headers['set-cookie'] !== undefined) return 0;
    if (!keyable(headers.vary)) return 0;
    const control = String(headers['cache-control'] ?? '');
    if (!/\bpublic\b/.test(control) || /no-store|no-cache|private/.test(control)) return 0;
    return Number(/max-age=(\d+)/.exec(control)?.[1] ?? 0) * 1000;
  }

  store(request: RequestLike, headers: Record<string, unknown>, body: Buffer, maxAgeMs: number): void {
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) if (headers[name] !== undefined) kept[name] = String(headers[name]);
    this.#entries.set(this.#key(request), { body, headers: kept, storedAt: Date.now() }, maxAgeMs);
  }
}
