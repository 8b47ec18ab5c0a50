// The chassis of every team's service: JSON errors that never turn bad input into a 500, GET /health/live and
// /health/ready, GET /metrics (Prometheus), the security headers and compression. A team's bundles are not
// served here: they are published to the platform's asset store, so a service being down never takes its
// team's fragments off the page.
import { STATUS_CODES } from 'node:http';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import compress from '@fastify/compress';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HttpError, type ApiError, type RouteDefinition } from '@tractor/shared/contracts/http';
import { newTraceId, traceIdOf } from '@tractor/shared/contracts/trace';
import type { Database } from './db.js';
import { recordApiRoutes, serveOpenApi } from './openapi.js';
import { NOSNIFF } from './security.js';

export interface ServiceOptions {
  /** The team, e.g. "explore": names the metrics. */
  readonly team: string;
  readonly db: Database;
  readonly logger?: FastifyServerOptions['logger'];
  /** The migrations this version needs (file names): ready only when all are applied. */
  readonly migrations?: readonly string[];
  /** The team's contract routes: documented at /<team>/api/openapi.json. */
  readonly routes?: Readonly<Record<string, RouteDefinition>>;
  /** Serve the docs page, /<team>/api/docs (the dev modes). */
  readonly docs?: boolean;
}

export function apiError(statusCode: number, message: string, field?: string): ApiError {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  return field ? { statusCode, error, message, field } : { statusCode, error, message };
}

/**
 * Every error answer of `app` (and the plugins it encapsulates) is the contract's JSON error: an HttpError
 * says its status; fastify's own 4xx (bad JSON, a body too large) keep theirs; anything else is a 500 that
 * is logged and says nothing of the inside.
 */
export function answerErrorsAsJson(app: FastifyInstance): void {
  app.setErrorHandler((error: Error & { statusCode?: number; field?: string }, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.status).send(apiError(error.status, error.message, error.field));
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send(apiError(status, 'The service failed to answer this request.'));
    }
    return reply.code(status).send(apiError(status, error.message));
  });
}

export async function createServiceApp(options: ServiceOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // The W3C trace id of the request (from its traceparent, or a new one) is its id: in every log line.
    genReqId: (request) => traceIdOf(request.headers.traceparent as string | undefined) ?? newTraceId(),
    logController: new LogController({ requestIdLogLabel: 'trace' }),
    // Long ids and SKU lists are bad input, not a reason to keep a connection busy.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 64 * 1024,
  });

  answerErrorsAsJson(app);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(apiError(404, `Nothing at ${request.method} ${request.url.split('?')[0]}.`)),
  );

  const registry = new Registry();
  registry.setDefaultLabels({ service: options.team });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  // Every answer: nosniff. An API answer is the caller's own (a cart, an order): no cache keeps it
  // unless its route says otherwise.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(NOSNIFF);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(compress, { threshold: 1024 });

  // The contract as OpenAPI; then every API route the team registers is recorded, to be checked against it.
  if (options.routes) serveOpenApi(app, options.team, options.routes, { docs: options.docs ?? false });
  recordApiRoutes(app, options.team);

  // Live: the process answers (restart it if not). Ready: its database answers and has every migration of this
  // version applied (send it traffic only then). /health is readiness, for those who ask only one thing.
  const expected = options.migrations ?? [];
  const ready = async (_request: FastifyRequest, reply: FastifyReply) => {
    try {
      if (expected.length) {
        const [row] = await options.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM schema_migration WHERE name = ANY($1)',
          [expected],
        );
        if ((row?.n ?? 0) < expected.length) {
          return reply
            .code(503)
            .send(apiError(503, `${options.team}'s database lacks migrations of this version.`));
        }
      } else {
        await options.db.query('SELECT 1');
      }
      return { status: 'ready', service: options.team, database: options.db.kind };
    } catch {
      return reply.code(503).send(apiError(503, `${options.team}'s database does not answer.`));
    }
  };
  app.get('/health/live', async () => ({ status: 'live', service: options.team }));
  app.get('/health/ready', ready);
  app.get('/health', ready);
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );

  return app;
}
