// The one origin the browser sees, and the platform's server: a short list of plugins, each in its own module.
//   importMapService  the live import map, deploys, rollbacks, previews, the release gate (../importmap/)
//   apiProxy          /<team>/api/* to each team's service, with the proxy cache and Checkout's write limits
//   files             the asset store (/assets/<team>/<build>/…) and the root config's build, as they are
//   rum               POST /rum: the pages' field signals, aggregated into /metrics (internal)
//   pages             every other GET: the page per request, composed and streamed
// Production puts nginx in front with the same prefix table.
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { apiError, NOSNIFF, type Database } from '@tractor/chassis';
import { teams } from '@tractor/shared/teams';
import { newTraceId, traceIdOf } from '@tractor/shared/contracts/trace';
import { AssetStore } from '../importmap/assets.js';
import { Deployments } from '../importmap/deployments.js';
import { Previews, type PreviewKey } from '../importmap/previews.js';
import { importMapService, LiveDeployments } from '../importmap/service.js';
import { prepareAt, servedContractsAt } from '../importmap/team-services.js';
import type { DeployTokens } from '../importmap/tokens.js';
import { API_BODY_LIMIT, apiProxy } from './api-proxy.js';
import { files } from './files.js';
import { pages } from './pages.js';
import { BEACON_LIMIT, type CheckoutWriteLimits, type WriteLimit } from './rate-limits.js';
import { FieldSignals, rum } from './rum.js';
import { readShell } from './shell.js';

export interface GatewayOptions {
  /** The root config's build folder (index.html, platform.json, shared/, cdn/). */
  readonly distDir: string;
  /** Team name → its service's origin, e.g. { explore: "http://127.0.0.1:3001" }. */
  readonly services: Readonly<Record<string, string>>;
  /** The import map service's state: its database (migrated), the asset store's folder, the deploy tokens. */
  readonly platform: {
    readonly db: Database;
    readonly assetDir: string;
    readonly tokens: DeployTokens;
    /** Signs preview links and cookies (PREVIEW_KEY). Without it, no build can be previewed. */
    readonly previewKey?: PreviewKey;
    /** Preview cookies only over HTTPS (production). */
    readonly secureCookies?: boolean;
  };
  readonly logger?: FastifyServerOptions['logger'];
  /** Mock mode: no service runs; msw's worker script is served at /mockServiceWorker.js, the page starts it. */
  readonly mock?: { readonly workerScript: string };
  /**
   * Development: module name → URL, e.g. { "@tractor/decide": "http://localhost:9002/tractor-decide.js" }. The
   * page gets one more import map with these (later maps win) and the developer overlay.
   */
  readonly overrides?: Readonly<Record<string, string>>;
  /**
   * How long the page waits for the teams' server-rendered parts (ms, default 150); a part later than that is
   * rendered by the browser. 0: no server-side rendering.
   */
  readonly ssrBudgetMs?: number;
  /** A page still open after this long is logged as a warning, with what it waits for (default 5000 ms). */
  readonly slowPageMs?: number;
  /**
   * Developer tools (dev modes only): a shopper's ?devtools turns on import-map-overrides, whose overrides may
   * load modules from these origins. Without it, ?devtools does nothing.
   */
  readonly devtools?: { readonly origins: readonly string[] };
  /** How long a team's API may take to answer a proxied request (ms, default 10 000): then 504. */
  readonly upstreamTimeoutMs?: number;
  /** How many orders and cart writes one client may send to Checkout's API (default: rate-limits.ts). */
  readonly writeLimits?: CheckoutWriteLimits;
  /** Field signals: the share of page views that send them (default 1), and the beacons one client may send. */
  readonly rum?: { readonly sampleRate?: number; readonly limit?: WriteLimit; readonly maxSeries?: number };
}

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // The W3C trace id of the request (from its traceparent, or a new one) is its id: in every log line, and
    // passed on to the teams' renders and APIs.
    genReqId: (request) => traceIdOf(request.headers.traceparent as string | undefined) ?? newTraceId(),
    logController: new LogController({ requestIdLogLabel: 'trace' }),
    // Every body the gateway reads (a team API's JSON or text, a deploy request) is bounded like the services'
    // own; a published file is streamed to disk under its own limit.
    bodyLimit: API_BODY_LIMIT,
  });
  // Every answer is nosniff; the page carries the rest of the security headers (stream.ts).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(NOSNIFF);
    return payload;
  });
  await app.register(compress, { threshold: 1024 });

  const { platform, mock } = options;
  const services = mock ? {} : options.services;
  const shell = readShell(options.distDir);
  const deployments = new Deployments(platform.db);
  const live = new LiveDeployments(deployments);
  const previews = platform.previewKey
    ? { store: new Previews(platform.db), key: platform.previewKey }
    : undefined;

  await app.register(importMapService, {
    deployments,
    live,
    assets: new AssetStore(platform.assetDir),
    tokens: platform.tokens,
    teams: teams.map((t) => t.name),
    platform: shell.platform,
    prepare: mock ? undefined : prepareAt(services),
    servedContracts: mock ? undefined : servedContractsAt(services),
    ...(previews ? { previews: { ...previews, secureCookies: Boolean(platform.secureCookies) } } : {}),
  });
  await app.register(apiProxy, {
    services,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 10_000,
    writeLimits: options.writeLimits,
  });
  await app.register(files, { assetDir: platform.assetDir, distDir: options.distDir, mock });
  // The gateway's metrics: the field signals and the process. Internal: the public edge refuses /metrics.
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: registry });
  const sampleRate = options.rum?.sampleRate ?? 1;
  const signals = new FieldSignals(registry, { sampleRate, maxSeries: options.rum?.maxSeries });
  await app.register(rum, { signals, limit: options.rum?.limit ?? BEACON_LIMIT });
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  await app.register(pages, {
    shell,
    live,
    services,
    previews,
    mock: Boolean(mock),
    ssrBudgetMs: options.ssrBudgetMs ?? 150,
    slowPageMs: options.slowPageMs,
    rumSampleRate: sampleRate,
    overrides: options.overrides,
    devtools: options.devtools,
  });

  // Live: the process answers. Ready: it has a live map to serve (from its database, or the last one read).
  app.get('/health', async () => ({ status: 'ok', service: 'gateway' }));
  app.get('/health/live', async () => ({ status: 'live', service: 'gateway' }));
  app.get('/health/ready', async (request, reply) => {
    try {
      await live.read(request.log);
      return { status: 'ready', service: 'gateway' };
    } catch {
      return reply.code(503).send(apiError(503, "The gateway's import map database does not answer."));
    }
  });
  return app;
}
