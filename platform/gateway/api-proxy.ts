// The teams' APIs through the one origin: /<team>/api/* goes to the team's service. A body is read here, whole
// and within the services' own limit, before it is passed on: an oversized one (with a length or chunked) is
// a 413 from the gateway, not a broken upload. Answers the contract lets everyone reuse come from memory
// (proxy-cache.ts); Checkout's writes are limited per client (rate-limits.ts). A service that is down is a
// 503, one too slow a 504 — JSON, at once, never a hang.
import type { FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';
import fp from 'fastify-plugin';
import { apiError } from '@tractor/chassis';
import { ProxyCache } from './proxy-cache.js';
import { limitCheckoutWrites, type CheckoutWriteLimits } from './rate-limits.js';

/** The largest request body a team's API takes (the services' own limit). */
export const API_BODY_LIMIT = 64 * 1024;

export interface ApiProxyOptions {
  /** Team name → its service's origin. */
  readonly services: Readonly<Record<string, string>>;
  /** How long a team's API may take to answer (ms): then 504. */
  readonly upstreamTimeoutMs: number;
  readonly writeLimits?: CheckoutWriteLimits;
}

export const apiProxy = fp<ApiProxyOptions>(
  async (app: FastifyInstance, options) => {
    const timeout = options.upstreamTimeoutMs;
    const answers = new ProxyCache();
    for (const [team, upstream] of Object.entries(options.services)) {
      const prefix = `/${team}/api`;
      await app.register(async (scope) => {
        if (team === 'checkout') await limitCheckoutWrites(scope, options.writeLimits);
        scope.addHook('onRequest', async (request, reply) => {
          if (answers.answer(request, reply)) return reply;
        });
        scope.addContentTypeParser(
          '*',
          { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT },
          (_request, body, done) => done(null, body),
        );
        await scope.register(proxy, {
          upstream,
          prefix,
          rewritePrefix: prefix,
          proxyPayloads: false,
          undici: { headersTimeout: timeout, bodyTimeout: timeout },
          replyOptions: {
            onResponse: (request, reply, res) => {
              const keepMs = ProxyCache.keepFor(request, res.statusCode, reply.getHeaders());
              if (!keepMs) return void reply.send(res.stream);
              const chunks: Buffer[] = [];
              res.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.stream.once('error', (error: Error) => reply.send(error));
              res.stream.once('end', () => {
                const body = Buffer.concat(chunks);
                answers.store(request, reply.getHeaders(), body, keepMs);
                void reply.send(body);
              });
            },
            onError: (reply, { error }) => {
              const timedOut = (error as { statusCode?: number }).statusCode === 504;
              void reply
                .code(timedOut ? 504 : 503)
                .header('cache-control', 'no-store')
                .send(
                  timedOut
                    ? apiError(504, `Team ${team}'s service did not answer within ${timeout} ms.`)
                    : apiError(503, `Team ${team}'s service is not reachable right now.`),
                );
            },
          },
        });
      });
    }
  },
  { name: 'api-proxy' },
);
