// Server-side composition of the first view. The layout (single-spa-layout's template in index.html) is laid
// out for the requested URL as the browser's layout engine would build it, and every team part in it — the
// page's application, the fragments the layout places (header, footer) and the fragments inside those (the mini
// cart in the header, add-to-cart and recommendations in the product page) — is asked of its own team's
// service (GET /<team>/render/…), like ESI. The shell never runs a team's code. Each answer must say the team's
// live build, and arrive within the time budget; whatever does not is left to the browser, as without a server.
import { constructServerLayout } from 'single-spa-layout/server';
import { BoundedCache } from '@tractor/chassis';
import { fragmentOwner, teams } from '@tractor/shared/teams';
import { SERVER_BUNDLE_HEADERS, type Deployment } from '@tractor/shared/contracts/importmap';
import { escapeHtml, unescapeHtml } from '@tractor/shared/html';
import { traceparent } from '@tractor/shared/contracts/trace';
import { withinTime } from '@tractor/shared/deadline';
import { unsafeRenderAnswer } from './team-html.js';

/** A node of the layout as single-spa-layout resolves it on the server. */
interface LayoutNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly routes?: readonly LayoutNode[];
  readonly activeWhen?: (location: URL) => boolean;
}

export interface Layout {
  readonly routes: readonly LayoutNode[];
}

export function readLayout(template: string): Layout {
  const { resolvedRoutes } = constructServerLayout({ html: template }) as unknown as {
    resolvedRoutes: Layout;
  };
  return resolvedRoutes;
}

/** What a team's render route answers. */
interface RenderAnswer {
  readonly version: string;
  readonly tag: string;
  readonly inner: string;
  /** A page that names nothing (rendered as its "not found" view): the page's status. */
  readonly status?: 404;
}

const isRenderAnswer = (value: unknown): value is RenderAnswer => {
  const answer = value as Partial<RenderAnswer> | null;
  return (
    typeof answer?.tag === 'string' &&
    typeof answer.inner === 'string' &&
    (answer.status === undefined || answer.status === 404)
  );
};

/** Every team's fragment tag, empty as a page writes it before its owner fills it: <tag attrs></tag>. */
const EMPTY_FRAGMENT = new RegExp(
  `<(${teams.flatMap((t) => t.fragments).join('|') || 'no-fragment'})((?:\\s[^<>]*)?)></\\1>`,
  'g',
);

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
    attributes[name!] = unescapeHtml(value ?? '');
  }
  return attributes;
}

/**
 * The team renders a page may reuse: those a team marked public (the same for every shopper, changing only
 * with a deploy), until their max-age, keyed by team, part, URL, attributes — and the live build, so a deploy
 * never serves an old build's markup. One that varies by cookie (a shopper's own part, like the mini cart) was
 * rendered for a shopper without a cookie, and is reused only for shoppers without one. Bounded: the least
 * recently used entry goes first.
 */
export class RenderCache {
  readonly #entries: BoundedCache<string, { answer: RenderAnswer; noCookieOnly: boolean }>;

  constructor(limit = 1000) {
    this.#entries = new BoundedCache({ maxEntries: limit });
  }

  get(key: string, cookie?: string): RenderAnswer | undefined {
    const entry = this.#entries.get(key);
    return !entry || (entry.noCookieOnly && cookie) ? undefined : entry.answer;
  }

  set(
    key: string,
    answer: RenderAnswer,
    headers: { cacheControl: string | null; vary?: string | null; cookie?: string },
  ) {
    const maxAge = /\bpublic\b.*\bmax-age=(\d+)/.exec(headers.cacheControl ?? '')?.[1];
    if (!maxAge || Number(maxAge) <= 0) return;
    const noCookieOnly = /\bcookie\b/i.test(headers.vary ?? '');
    if (noCookieOnly && headers.cookie) return; // a shopper's own render is theirs alone
    this.#entries.set(key, { answer, noCookieOnly }, Number(maxAge) * 1000);
  }
}

export interface CompositionOptions {
  /** Team → its service's origin. */
  readonly services: Readonly<Record<string, string>>;
  /** The teams' live deployments: an answer must come from the live build. */
  readonly live: readonly Deployment[];
  /** Teams the browser loads from elsewhere (developer overrides): never server-rendered. */
  readonly skip?: ReadonlySet<string>;
  readonly cookie?: string | undefined;
  /** The page request's trace: every render request is a span of it. */
  readonly traceId?: string;
  /** When the parts must have arrived (ms since the epoch). */
  readonly deadline: number;
  readonly cache?: RenderCache;
  readonly onMiss?: (what: string, why: string) => void;
}

/** One request's composition: asks teams for their parts, at most until the deadline. */
export class Composition {
  readonly #options: CompositionOptions;
  readonly #builds: ReadonlyMap<string, Deployment>;
  readonly #url: URL;
  /** Whether the page's application came from its team (known once application() has resolved). */
  pageServerRendered = false;
  /** Teams with at least one part placed in the page (known once every part has resolved). */
  readonly serverRendered = new Set<string>();

  constructor(url: URL, options: CompositionOptions) {
    this.#url = url;
    this.#options = options;
    this.#builds = new Map(options.live.map((d) => [d.team, d]));
  }

  /** Whether this team's parts are asked of its service at all (a service, a live build, not skipped). */
  mayRender(team: string): boolean {
    const { services, skip } = this.#options;
    return Boolean(services[team] && this.#builds.get(team)?.server && !skip?.has(team));
  }

  async #render(
    team: string,
    path: string,
    attributes?: Record<string, string>,
  ): Promise<RenderAnswer | undefined> {
    const { services, skip, cookie, deadline, cache, onMiss } = this.#options;
    const origin = services[team];
    const deployment = this.#builds.get(team);
    if (!origin || !deployment?.server || skip?.has(team)) return undefined;
    const { build, server } = deployment;
    // The build the page uses renders its parts: the service loads that build's server bundle (checked
    // against the integrity the import map service verified) if it has not yet.
    const query = new URLSearchParams({ url: this.#url.pathname + this.#url.search, build });
    if (attributes) query.set('attributes', JSON.stringify(attributes));
    const key = `${team} ${build} ${path}?${query}`;
    const cached = cache?.get(key, cookie);
    if (cached) return cached;
    try {
      const headers: Record<string, string> = {
        traceparent: traceparent(this.#options.traceId),
        [SERVER_BUNDLE_HEADERS.url]: server.url,
        [SERVER_BUNDLE_HEADERS.integrity]: server.integrity,
      };
      if (cookie) headers.cookie = cookie;
      const asked = await withinTime(Math.max(1, deadline - Date.now()), async (signal) => {
        const response = await fetch(`${origin}/${team}/render/${path}?${query}`, { headers, signal });
        if (!response.ok) await response.body?.cancel(); // a 404: this part is the browser's; free the connection
        return { response, body: response.ok ? ((await response.json()) as unknown) : undefined };
      });
      const { response, body: answer } = asked;
      if (!response.ok) return undefined; // the team does not server-render this part
      if (!isRenderAnswer(answer)) {
        onMiss?.(`${team} ${path}`, 'not a render answer (version, tag, inner)');
        return undefined;
      }
      // The page nonces every script in it: a team's markup can run nothing the gateway did not write.
      const refusal = unsafeRenderAnswer(answer);
      if (refusal) {
        onMiss?.(`${team} ${path}`, `refused: ${refusal} (live build ${build})`);
        return undefined;
      }
      if (answer.version !== build) {
        onMiss?.(`${team} ${path}`, `rendered by build ${answer.version}, live is ${build}`);
        return undefined;
      }
      cache?.set(key, answer, {
        cacheControl: response.headers.get('cache-control'),
        vary: response.headers.get('vary'),
        cookie,
      });
      return answer;
    } catch (error) {
      onMiss?.(
        `${team} ${path}`,
        (error as Error).name === 'TimeoutError' ? 'over the time budget' : 'unreachable',
      );
      return undefined;
    }
  }

  /**
   * The fragment's inside (its declarative shadow root and seed), or '' — as pieces: its own markup at once,
   * each fragment inside it when that fragment's team has answered.
   */
  async fragment(tag: string, attributes: Record<string, string>): Promise<Piece> {
    const team = fragmentOwner(tag);
    if (!team) return '';
    const answer = await this.#render(team, `fragment/${tag}`, attributes);
    if (!answer) return '';
    this.serverRendered.add(team);
    return this.#pieces(answer.inner);
  }

  /**
   * The application's container for the layout: server-rendered (data-ssr) or empty for the browser; and the
   * page's status by its team: 404 when it rendered its "not found" view, else 200 (also when it left the
   * application to the browser).
   */
  async application(name: string): Promise<ShownApplication> {
    const [, team = '', page = ''] = name.split('/');
    const id = escapeHtml(`single-spa-application:${name}`);
    const answer = await this.#render(team, `page/${page}`);
    if (!answer) return { piece: `<div id="${id}"></div>`, status: 200 };
    this.pageServerRendered = true;
    this.serverRendered.add(team);
    return {
      piece: [
        `<div id="${id}" data-ssr><${answer.tag}>`,
        ...this.#pieces(answer.inner),
        `</${answer.tag}></div>`,
      ],
      status: answer.status ?? 200,
    };
  }

  /** `work`'s value if it is there by the deadline, else `otherwise`: nothing waited for outlasts the budget. */
  byDeadline<T>(work: Promise<T>, otherwise: T): Promise<T> {
    return withinTime(Math.max(1, this.#options.deadline - Date.now()), () => work).catch(() => otherwise);
  }

  /**
   * `html` cut at its empty fragments: the markup before each is ready now (the browser can start on its
   * pictures), each fragment's inside follows when its owner answers. All are asked for at once.
   */
  #pieces(html: string): Chunk[] {
    const pieces: Chunk[] = [];
    let at = 0;
    for (const match of html.matchAll(EMPTY_FRAGMENT)) {
      const close = `</${match[1]}>`;
      pieces.push(html.slice(at, match.index) + match[0].slice(0, match[0].length - close.length));
      pieces.push(this.fragment(match[1]!, parseAttributes(match[2] ?? '')));
      pieces.push(close);
      at = match.index + match[0].length;
    }
    pieces.push(html.slice(at));
    return pieces;
  }
}

/** What a team part turns into: HTML, or HTML with pieces that come later. */
export type Piece = string | readonly Chunk[];

/** An application as the page shows it, and the HTTP status its team gave the page. */
export interface ShownApplication {
  readonly piece: Piece;
  readonly status: number;
}

/** A piece of the body: HTML now, or a piece when its team has answered. */
export type Chunk = string | Promise<Piece>;

/** A chunk with `map` applied to every string in it, at any depth. */
export function mapChunk(chunk: Chunk, map: (html: string) => string): Chunk {
  const mapPiece = (piece: Piece): Piece =>
    typeof piece === 'string' ? map(piece) : piece.map((c) => mapChunk(c, map));
  return typeof chunk === 'string' ? map(chunk) : chunk.then(mapPiece);
}

/** The layout laid out for a URL: its HTML, and the page's HTTP status. */
export interface LaidOutPage {
  readonly chunks: Chunk[];
  /**
   * 404 when no application shows at the URL (the layout's default route: "Page not found") or an application's
   * team said the URL names nothing; otherwise 200, also when an application is left to the browser. Settles
   * once the applications' teams have answered, by the composition's deadline at the latest.
   */
  readonly status: Promise<number>;
}

/**
 * The layout's active routes for `url`, as chunks of HTML in document order: the DOM the browser's layout
 * engine would build (so it can adopt it), with each team part asked of its team.
 */
export function layoutChunks(layout: Layout, url: URL, composition: Composition): LaidOutPage {
  const chunks: Chunk[] = [];
  const statuses: Promise<number>[] = [];
  const visit = (nodes: readonly LayoutNode[]) => {
    for (const node of nodes) {
      if (node.type === 'route') {
        if (node.activeWhen?.(url)) visit(node.routes ?? []);
      } else if (node.type === 'application') {
        const shown = composition.application(node.name!);
        chunks.push(shown.then(({ piece }) => piece));
        statuses.push(shown.then(({ status }) => status));
      } else if (node.type === '#text') {
        // Whitespace between elements is not part of the layout (the browser's engine drops it too).
        if (node.value?.trim()) chunks.push(escapeHtml(node.value));
      } else if (node.type === '#comment') {
        chunks.push(`<!--${node.value ?? ''}-->`);
      } else if (['fragment', 'assets', 'redirect'].includes(node.type)) {
        continue;
      } else {
        const attributes = (node.attrs ?? []).map((a) => ` ${a.name}="${escapeHtml(a.value)}"`).join('');
        chunks.push(`<${node.type}${attributes}>`);
        if (fragmentOwner(node.type)) {
          const given = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
          chunks.push(composition.fragment(node.type, given));
        } else {
          visit(node.routes ?? []);
        }
        chunks.push(`</${node.type}>`);
      }
    }
  };
  visit(layout.routes);
  const status =
    statuses.length === 0
      ? Promise.resolve(404)
      : composition.byDeadline(
          Promise.all(statuses).then((all) => (all.includes(404) ? 404 : 200)),
          200,
        );
  return { chunks, status };
}
