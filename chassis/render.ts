// Server-side rendering of a team's own elements, for the shell's composition of the first view. The shell
// names the team's build a page uses (?build=, and the build's server bundle in two headers); the service
// renders the part with that build's own renderer (builds.ts: one worker per build) and serves it at
// GET /<team>/render/… — never to browsers, only to the shell. The answer carries the build it was rendered by.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ElementRender, RenderContext, Renderer, TeamRenderer } from '@tractor/shared/spa/render-types';
import type { PartKind } from '@tractor/shared/spa/server-render';
import { SERVER_BUNDLE_HEADERS } from '@tractor/shared/contracts/importmap';
import { BuildError, type BuildRef, type Builds } from './builds.js';

export type { ElementRender, RenderContext, Renderer, TeamRenderer };

/** The answer of a render route: the element's tag and its inside (declarative shadow root + seed). */
export interface RenderAnswer {
  /** The build that rendered it: the one the shell asked for. */
  readonly version: string;
  readonly tag: string;
  readonly inner: string;
  /** The page names nothing (its "not found" view): the shell answers the page with this status. */
  readonly status?: 404;
}

/** fetch, answered by `app.inject` (no socket), with the shopper's cookie. */
export function inProcessFetch(app: FastifyInstance, cookie: string | undefined): typeof fetch {
  return async (input, init) => {
    const url = new URL(
      typeof input === 'string' || input instanceof URL ? input : input.url,
      'http://in-process',
    );
    const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
    if (cookie) headers.cookie = cookie;
    const answer = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    return new Response(answer.body, {
      status: answer.statusCode,
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
    });
  };
}

/**
 * GET /<team>/render/page/:name?url=…&build=… and GET /<team>/render/fragment/:tag?url=…&attributes={…}&build=…:
 * the element's inside as that build renders it, or 404 when this part is not server-rendered (unknown, or the
 * renderer declines: no data, an error state). A rendered page that names nothing says so in the answer
 * (`status: 404`), still with HTTP 200: to the shell, a route's non-ok status means "not server-rendered". A
 * build that cannot render here is its BuildError's status. The shell forwards the shopper's cookie.
 *
 * POST /<team>/render/builds {build, url, integrity}: load (and warm) a build before it goes live — what the
 * import map service asks before a switch, so the first page after it is server-rendered too.
 */
export function addRenderRoutes(app: FastifyInstance, options: { team: string; builds: Builds }): void {
  const { team, builds } = options;
  const refusal = (reply: FastifyReply, status: number, message: string, field?: string) =>
    reply.code(status).send({
      statusCode: status,
      error: status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Bad Gateway',
      message,
      ...(field ? { field } : {}),
    });
  const answer = async (
    kind: PartKind,
    name: string,
    request: FastifyRequest<{ Querystring: { url?: string; attributes?: string; build?: string } }>,
    reply: FastifyReply,
  ) => {
    const { query, headers } = request;
    const cookie = headers.cookie;
    const url = new URL(query.url ?? '/', 'http://localhost');
    let attributes: Record<string, string>;
    try {
      attributes = JSON.parse(query.attributes ?? '{}') as Record<string, string>;
    } catch {
      return refusal(reply, 400, 'attributes must be JSON', 'attributes');
    }
    if (!query.build) return refusal(reply, 400, 'build is required: the build the page uses', 'build');
    const ref: BuildRef = {
      build: query.build,
      url: headers[SERVER_BUNDLE_HEADERS.url] as string | undefined,
      integrity: headers[SERVER_BUNDLE_HEADERS.integrity] as string | undefined,
    };
    let part;
    try {
      const bundle = await builds.get(ref);
      part = await bundle.render(kind, name, { url, fetch: inProcessFetch(app, cookie) }, attributes);
    } catch (error) {
      if (error instanceof BuildError) return refusal(reply, error.status, error.message, 'build');
      request.log.error({ err: error, team, build: ref.build, part: `${kind}/${name}` }, 'a render failed');
      return reply
        .code(500)
        .send({ statusCode: 500, error: 'Internal Server Error', message: 'render failed' });
    }
    if (!part) return refusal(reply, 404, 'not server-rendered');
    const body: RenderAnswer = {
      version: ref.build,
      tag: part.tag,
      inner: part.inner,
      ...(part.status === 404 ? { status: 404 } : {}),
    };
    // A shopper's own part is shared only among shoppers without a cookie (Vary: cookie tells the shell so).
    const shared = part.maxAge && part.maxAge > 0 && !(part.perShopper && cookie);
    if (part.perShopper) reply.header('vary', 'cookie');
    return reply.header('cache-control', shared ? `public, max-age=${part.maxAge}` : 'no-store').send(body);
  };
  app.get<{ Params: { name: string }; Querystring: { url?: string; build?: string } }>(
    `/${team}/render/page/:name`,
    (request, reply) => answer('page', request.params.name, request, reply),
  );
  app.get<{ Params: { tag: string }; Querystring: { url?: string; attributes?: string; build?: string } }>(
    `/${team}/render/fragment/:tag`,
    (request, reply) => answer('fragment', request.params.tag, request, reply),
  );
  app.post<{ Body: { build?: unknown; url?: unknown; integrity?: unknown } }>(
    `/${team}/render/builds`,
    async (request, reply) => {
      const { build, url, integrity } = request.body ?? {};
      if (typeof build !== 'string' || typeof url !== 'string' || typeof integrity !== 'string')
        return refusal(reply, 400, 'send {build, url, integrity}: the build and its server bundle', 'body');
      try {
        await builds.get({ build, url, integrity });
      } catch (error) {
        if (error instanceof BuildError) return refusal(reply, error.status, error.message, 'build');
        throw error;
      }
      return reply.code(204).send();
    },
  );
}
