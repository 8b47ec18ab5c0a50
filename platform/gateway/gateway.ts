// The one origin the browser sees, and the platform's server. It renders the page per request with the live
// import map (server/shell.ts), runs the import map service (server/importmap/), serves the asset store
// (/assets/<team>/<build>/…, immutable) and the root config's build (shared modules, images, fonts), and
// proxies /<team>/api/* to each team's service. Production puts nginx in front with the same prefix table.
import { mkdir } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import compress from '@fastify/compress';
import proxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import { NOSNIFF, SECURITY_HEADERS, type Database } from '@tractor/chassis';
import { teamModule, teams } from '@tractor/shared/teams';
import { newTraceId, traceIdOf } from '@tractor/shared/contracts/trace';
import { AssetStore } from '../importmap/assets.js';
import { Deployments } from '../importmap/deployments.js';
import { importMapService, LiveDeployments, PrepareRefused } from '../importmap/service.js';
import type { DeployTokens } from '../importmap/tokens.js';
import { Previews, withoutPreviewCookies, type PreviewKey } from '../importmap/previews.js';
import type { ServerBundleRef } from '@tractor/shared/contracts/importmap';
import { Composition, RenderCache } from './compose.js';
import { newNonce, pagePolicy } from './csp.js';
import { ProxyCache } from './proxy-cache.js';
import { limitCheckoutWrites, type CheckoutWriteLimits } from './rate-limits.js';
import { planPage, readShell } from './shell.js';
import { streamPage } from './stream.js';

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
}

const json = (statusCode: number, message: string) => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});

/** The largest request body a team's API takes (the services' own limit). */
const API_BODY_LIMIT = 64 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Names with a content hash or a version folder never change: cache them for a year. */
const HASHED = /\.[0-9a-f]{8}\.js$|^\/shared\/npm\//;
/** Build files the page is made from, never served as they are. */
const TEMPLATES = new Set(['/index.html', '/platform.json']);

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
  // Every answer is nosniff; the page carries the rest of the security headers (streamPage).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(NOSNIFF);
    return payload;
  });
  await app.register(compress, { threshold: 1024 });

  const shell = readShell(options.distDir);
  const deployments = new Deployments(options.platform.db);
  const live = new LiveDeployments(deployments);
  const { previewKey } = options.platform;
  const previews = previewKey ? new Previews(options.platform.db) : undefined;
  await app.register(importMapService, {
    deployments,
    live,
    assets: new AssetStore(options.platform.assetDir),
    tokens: options.platform.tokens,
    teams: teams.map((t) => t.name),
    platform: shell.platform,
    prepare: options.mock ? undefined : prepareAt(options.services),
    servedContracts: options.mock ? undefined : servedContractsAt(options.services),
    ...(previews && previewKey
      ? {
          previews: {
            store: previews,
            key: previewKey,
            secureCookies: Boolean(options.platform.secureCookies),
          },
        }
      : {}),
  });

  if (options.mock) {
    const worker = options.mock.workerScript;
    app.get('/mockServiceWorker.js', (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile(path.basename(worker), path.dirname(worker)),
    );
  }

  const upstreamTimeout = options.upstreamTimeoutMs ?? 10_000;
  const answers = new ProxyCache();
  for (const [team, upstream] of Object.entries(options.mock ? {} : options.services)) {
    const prefix = `/${team}/api`;
    await app.register(async (scope) => {
      if (team === 'checkout') await limitCheckoutWrites(scope, options.writeLimits);
      // A body is read here, whole and within the services' limit, before it is passed on: an oversized one
      // (with a length or chunked) is a 413 from the gateway, not a broken upload to the service.
      // Answers the contract lets everyone reuse come from memory (proxy-cache.ts).
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
        undici: { headersTimeout: upstreamTimeout, bodyTimeout: upstreamTimeout },
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
                  ? json(504, `Team ${team}'s service did not answer within ${upstreamTimeout} ms.`)
                  : json(503, `Team ${team}'s service is not reachable right now.`),
              );
          },
        },
      });
    });
  }

  // Published team files: immutable, and readable from a team's dev server on another port (standalone pages).
  await mkdir(options.platform.assetDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: path.resolve(options.platform.assetDir),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res) => {
      res.header('cache-control', IMMUTABLE);
      res.header('access-control-allow-origin', '*');
    },
  });

  await app.register(fastifyStatic, {
    root: options.distDir,
    index: false,
    preCompressed: true,
    cacheControl: false,
    allowedPath: (pathname) => !TEMPLATES.has(pathname),
    setHeaders: (res, file) => {
      // A pre-compressed copy (x.js.br) is cached as the file it stands for.
      const url = `/${path.relative(options.distDir, file).split(path.sep).join('/')}`.replace(
        /\.(br|gz)$/,
        '',
      );
      res.header('cache-control', HASHED.test(url) ? IMMUTABLE : 'no-cache');
    },
  });

  const overrides = Object.keys(options.overrides ?? {}).length ? options.overrides : undefined;
  // A developer's page may load modules from the developer's servers: the allowed ones, and the gateway's own
  // overrides (set by whoever started it).
  const developerOrigins = [
    ...new Set([
      ...(options.devtools?.origins ?? []),
      ...Object.values(overrides ?? {}).map((url) => new URL(url).origin),
    ]),
  ];

  // Teams whose module a developer loads from elsewhere are never server-rendered (their markup would not
  // match the code that hydrates it): the gateway's overrides, or import-map-overrides in the browser, which
  // marks its pages with the tractor-devtools cookie.
  const overridden = new Set(
    teams.filter((t) => overrides?.[teamModule(t.name)] !== undefined).map((t) => t.name),
  );
  const allTeams = new Set(teams.map((t) => t.name));
  const budget = options.ssrBudgetMs ?? 150;
  const renders = new RenderCache();

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, 'http://localhost');
    const liveDeployments = await live.read(request.log);
    // A browser with a valid preview cookie gets that team's candidate: in its import map and its server
    // render, from this one list. Render requests go without it.
    const { deployments, previewing } =
      previews && previewKey
        ? await previews.forPage(liveDeployments, request.headers.cookie, previewKey)
        : { deployments: liveDeployments, previewing: [] };
    const cookie = withoutPreviewCookies(request.headers.cookie);
    const devtools = Boolean(options.devtools) && /(?:^|;\s*)tractor-devtools=/.test(cookie ?? '');
    const composition = new Composition(url, {
      services: options.mock || budget <= 0 ? {} : options.services,
      live: deployments,
      skip: devtools ? allTeams : overridden,
      cookie,
      traceId: request.id,
      deadline: Date.now() + budget,
      cache: renders,
      // A refused part is a team's service sending what it must not: a security event, not a slow answer.
      onMiss: (what, why) =>
        why.startsWith('refused')
          ? request.log.warn({ what, why }, 'refused: left to the browser')
          : request.log.info({ what, why }, 'left to the browser'),
    });
    const nonce = newNonce();
    const plan = planPage(shell, deployments, url, {
      mock: Boolean(options.mock),
      overrides,
      developer: devtools,
      devtools: Boolean(options.devtools),
      nonce,
      composition,
    });
    const developerPage = devtools || overrides !== undefined;
    const policy = pagePolicy({
      nonce,
      developerOrigins: developerPage ? developerOrigins : undefined,
    });
    await streamPage(
      request,
      reply,
      plan,
      {
        ...SECURITY_HEADERS,
        'content-security-policy': policy,
        // Which teams this page previews (build ids are public: they are in the page's import map).
        ...(previewing.length
          ? {
              'tractor-preview': previewing
                .map((team) => `${team}=${deployments.find((d) => d.team === team)?.build}`)
                .join(', '),
            }
          : {}),
      },
      options.slowPageMs,
    );
  };

  // Every page URL gets the page; the layout decides what it shows (including "not found").
  // Paths that look like files or APIs get a real 404 instead.
  app.get('/', sendPage);
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const looksLikeAFile =
      /\.[a-z0-9]+$/i.test(pathname) ||
      /^\/(cdn|shared|assets|importmap)\//.test(pathname) ||
      /^\/[\w-]+\/(api|static)\//.test(pathname);
    if (request.method !== 'GET' || looksLikeAFile) {
      return reply.code(404).send(json(404, `Nothing at ${request.method} ${pathname}.`));
    }
    return sendPage(request, reply);
  });

  // Live: the process answers. Ready: it has a live map to serve (from its database, or the last one read).
  app.get('/health', async () => ({ status: 'ok', service: 'gateway' }));
  app.get('/health/live', async () => ({ status: 'live', service: 'gateway' }));
  app.get('/health/ready', async (request, reply) => {
    try {
      await live.read(request.log);
      return { status: 'ready', service: 'gateway' };
    } catch {
      return reply.code(503).send(json(503, "The gateway's import map database does not answer."));
    }
  });
  return app;
}

/**
 * Asks the team's service to load a build's server renderer (POST /<team>/render/builds) and waits until it
 * has, so the first page after a switch is server-rendered. Only a bundle the service could not load (502:
 * missing, wrong integrity, failed to start) refuses the switch; a service that is down or renders nothing
 * is not asked to agree.
 */
function prepareAt(services: Readonly<Record<string, string>>) {
  return async (team: string, build: string, server: ServerBundleRef) => {
    const origin = services[team];
    if (!origin) return;
    const response = await fetch(`${origin}/${team}/render/builds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ build, ...server }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    if (response.status === 502) throw new PrepareRefused(answer?.message ?? 'the bundle did not load');
    if (!response.ok) throw new Error(`${team}'s service answered ${response.status}: ${answer?.message}`);
  };
}

/** The contract version a team's live service serves: its OpenAPI document's info.version. */
function servedContractsAt(services: Readonly<Record<string, string>>) {
  return async (team: string): Promise<readonly string[] | undefined> => {
    const origin = services[team];
    if (!origin) return undefined;
    const response = await fetch(`${origin}/${team}/api/openapi.json`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return void (await response.body?.cancel());
    const document = (await response.json()) as { info?: { version?: unknown } };
    return typeof document.info?.version === 'string' ? [document.info.version] : undefined;
  };
}
