// Server-side rendering of a team's own elements, for the shell's composition of the first view. A team's
// micro-frontend says, per page and per fragment, which element shows and with what data (its seed); this
// renders it with Lit SSR (declarative shadow DOM) and serves it at GET /<team>/render/… — never to browsers,
// only to the shell, which checks the answer's version against the team's live build before using it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ElementRender, RenderContext, Renderer, TeamRenderer } from '@tractor/shared/spa/render-types';
import { seedScript } from '@tractor/shared/spa/seed';
import { withServerUrl } from '@tractor/shared/spa/location-controller';

export type { ElementRender, RenderContext, Renderer, TeamRenderer };

/** The answer of a render route: the element's tag and its inside (declarative shadow root + seed). */
export interface RenderAnswer {
  readonly version: string;
  readonly tag: string;
  readonly inner: string;
  /** The page names nothing (its "not found" view): the shell answers the page with this status. */
  readonly status?: 404;
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The element's inside, rendered: its declarative shadow root, then its seed script. */
export function renderElement(element: ElementRender, url: URL): string {
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(element.tag))
    throw new Error(`${element.tag} is not a custom element name`);
  const attributes = Object.entries(element.attributes ?? {})
    .filter(([name]) => ATTRIBUTE_NAME.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const tag = unsafeStatic(element.tag);
  const template = html`<${tag}${unsafeStatic(attributes)} .seed=${element.seed}></${tag}>`;
  const out = withServerUrl(url, () => collectResultSync(render(template)));
  const start = out.indexOf('<template shadowroot');
  const end = out.lastIndexOf('</template>');
  if (start < 0 || end < start) throw new Error(`${element.tag} rendered no shadow root`);
  return minifyStyles(out.slice(start, end + '</template>'.length)) + seedScript(element.seed);
}

/** Each shadow root carries its styles: without the source's indentation they are a third smaller. */
const minifyStyles = (html: string) =>
  html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => {
    const tight = css
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1')
      .trim();
    return `<style>${tight}</style>`;
  });

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

/** The build id of the team's micro-frontend as built beside this service (its render matches that build). */
export function builtVersion(microfrontendDir: string): string {
  try {
    return (
      JSON.parse(readFileSync(path.join(microfrontendDir, 'dist/manifest.json'), 'utf8')) as { build: string }
    ).build;
  } catch {
    return 'unbuilt';
  }
}

/**
 * GET /<team>/render/page/:name?url=… and GET /<team>/render/fragment/:tag?url=…&attributes={…}: the element's
 * inside, or 404 when this part is not server-rendered (unknown, or the renderer declines: no data, an error
 * state). A rendered page that names nothing says so in the answer (`status: 404`), still with HTTP 200: to the
 * shell, a route's non-ok status means "not server-rendered". The shell forwards the shopper's cookie.
 */
export function addRenderRoutes(
  app: FastifyInstance,
  options: { team: string; renderer: TeamRenderer; version: string },
): void {
  const { team, renderer, version } = options;
  const answer = async (
    part: Renderer | undefined,
    query: { url?: string; attributes?: string },
    cookie: string | undefined,
    reply: FastifyReply,
  ) => {
    const url = new URL(query.url ?? '/', 'http://localhost');
    let attributes: Record<string, string>;
    try {
      attributes = JSON.parse(query.attributes ?? '{}') as Record<string, string>;
    } catch {
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: 'attributes must be JSON',
        field: 'attributes',
      });
    }
    const element =
      part && (await part({ url, fetch: inProcessFetch(app, cookie) }, attributes).catch(() => undefined));
    if (!element)
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'not server-rendered' });
    const body: RenderAnswer = {
      version,
      tag: element.tag,
      inner: renderElement(element, url),
      ...(element.status === 404 ? { status: 404 } : {}),
    };
    // A shopper's own part is shared only among shoppers without a cookie (Vary: cookie tells the shell so).
    const shared = element.maxAge && element.maxAge > 0 && !(element.perShopper && cookie);
    if (element.perShopper) reply.header('vary', 'cookie');
    return reply
      .header('cache-control', shared ? `public, max-age=${element.maxAge}` : 'no-store')
      .send(body);
  };
  app.get<{ Params: { name: string }; Querystring: { url?: string } }>(
    `/${team}/render/page/:name`,
    (request, reply) =>
      answer(renderer.pages[request.params.name], request.query, request.headers.cookie, reply),
  );
  app.get<{ Params: { tag: string }; Querystring: { url?: string; attributes?: string } }>(
    `/${team}/render/fragment/:tag`,
    (request, reply) =>
      answer(renderer.fragments[request.params.tag], request.query, request.headers.cookie, reply),
  );
}

/** Renders every page and fragment once, as the shell would, and forgets the answers. */
export async function warmUp(app: FastifyInstance, team: string, renderer: TeamRenderer): Promise<void> {
  const parts = [
    ...Object.keys(renderer.pages).map((name) => `page/${name}`),
    ...Object.keys(renderer.fragments).map((tag) => `fragment/${tag}`),
  ];
  for (const part of parts) await app.inject(`/${team}/render/${part}?url=%2F`);
}
