// Every page URL gets the page, rendered per request: the live import map (or a previewing browser's), the
// teams' server-rendered parts composed within the budget (compose.ts), a new CSP nonce, streamed as it is
// ready (stream.ts). The layout decides what a URL shows, "not found" included; paths that look like files or
// APIs get a JSON 404 instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiError, SECURITY_HEADERS } from '@tractor/chassis';
import { teamModule, teams } from '@tractor/shared/teams';
import type { LiveDeployments } from '../importmap/service.js';
import { withoutPreviewCookies, type PreviewKey, type Previews } from '../importmap/previews.js';
import { Composition, RenderCache } from './compose.js';
import { newNonce, pagePolicy } from './csp.js';
import { planPage, type Shell } from './shell.js';
import { streamPage } from './stream.js';

export interface PagesOptions {
  readonly shell: Shell;
  readonly live: LiveDeployments;
  /** Team name → its service's origin (empty in mock mode: nothing is rendered on the server). */
  readonly services: Readonly<Record<string, string>>;
  readonly previews?: { readonly store: Previews; readonly key: PreviewKey };
  readonly mock: boolean;
  /** How long a page waits for the teams' parts (ms); 0: none is rendered on the server. */
  readonly ssrBudgetMs: number;
  readonly slowPageMs?: number;
  /** The share of page views that send field signals (0–1). */
  readonly rumSampleRate?: number;
  /** The gateway's import map overrides (npm run dev): module → URL. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** Developer tools (dev modes only): where import-map-overrides may load modules from. */
  readonly devtools?: { readonly origins: readonly string[] };
}

export const pages = fp<PagesOptions>(
  async (app: FastifyInstance, options) => {
    const { shell, live, previews, services } = options;
    const overrides = Object.keys(options.overrides ?? {}).length ? options.overrides : undefined;
    // A developer's page may load modules from the developer's servers: the allowed ones, and the gateway's
    // own overrides (set by whoever started it).
    const developerOrigins = [
      ...new Set([
        ...(options.devtools?.origins ?? []),
        ...Object.values(overrides ?? {}).map((url) => new URL(url).origin),
      ]),
    ];
    // Teams whose module a developer loads from elsewhere are never server-rendered (their markup would not
    // match the code that hydrates it): the gateway's overrides, or import-map-overrides in the browser,
    // which marks its pages with the tractor-devtools cookie.
    const overridden = new Set(
      teams.filter((t) => overrides?.[teamModule(t.name)] !== undefined).map((t) => t.name),
    );
    const allTeams = new Set(teams.map((t) => t.name));
    const renders = new RenderCache();

    const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(request.url, 'http://localhost');
      const liveDeployments = await live.read(request.log);
      // A browser with a valid preview cookie gets that team's candidate: in its import map and its server
      // render, from this one list. Render requests go without it.
      const { deployments, previewing } = previews
        ? await previews.store.forPage(liveDeployments, request.headers.cookie, previews.key)
        : { deployments: liveDeployments, previewing: [] };
      const cookie = withoutPreviewCookies(request.headers.cookie);
      const devtools = Boolean(options.devtools) && /(?:^|;\s*)tractor-devtools=/.test(cookie ?? '');
      const composition = new Composition(url, {
        services: options.mock || options.ssrBudgetMs <= 0 ? {} : services,
        live: deployments,
        skip: devtools ? allTeams : overridden,
        cookie,
        traceId: request.id,
        deadline: Date.now() + options.ssrBudgetMs,
        cache: renders,
        // A refused part is a team's service sending what it must not: a security event, not a slow answer.
        onMiss: (what, why) =>
          why.startsWith('refused')
            ? request.log.warn({ what, why }, 'refused: left to the browser')
            : request.log.info({ what, why }, 'left to the browser'),
      });
      const nonce = newNonce();
      const plan = planPage(shell, deployments, url, {
        mock: options.mock,
        overrides,
        developer: devtools,
        devtools: Boolean(options.devtools),
        nonce,
        composition,
        rumSampleRate: options.rumSampleRate ?? 1,
      });
      const developerPage = devtools || overrides !== undefined;
      const policy = pagePolicy({ nonce, developerOrigins: developerPage ? developerOrigins : undefined });
      // Which teams this page previews (build ids are public: they are in the page's import map).
      const previewHeader: Record<string, string> = previewing.length
        ? {
            'tractor-preview': previewing
              .map((team) => `${team}=${deployments.find((d) => d.team === team)?.build}`)
              .join(', '),
          }
        : {};
      await streamPage(
        request,
        reply,
        plan,
        { ...SECURITY_HEADERS, 'content-security-policy': policy, ...previewHeader },
        options.slowPageMs,
      );
    };

    app.get('/', sendPage);
    app.setNotFoundHandler(async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const looksLikeAFile =
        /\.[a-z0-9]+$/i.test(pathname) ||
        /^\/(cdn|shared|assets|importmap)\//.test(pathname) ||
        /^\/[\w-]+\/(api|static)\//.test(pathname);
      if (request.method !== 'GET' || looksLikeAFile) {
        return reply.code(404).send(apiError(404, `Nothing at ${request.method} ${pathname}.`));
      }
      return sendPage(request, reply);
    });
  },
  { name: 'pages' },
);
