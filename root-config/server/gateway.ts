// The one origin the browser sees. Serves the shell (index.html for every page URL), the shared modules and
// the CDN's files from the root config's build, and proxies /<team>/api/* and /<team>/static/* to each
// team's service. Production swaps this for nginx or any ingress with the same prefix table.
import { STATUS_CODES } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import proxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';

export interface GatewayOptions {
  /** The root config's build folder (index.html, shared/, cdn/). */
  readonly distDir: string;
  /** Team name → its service's origin, e.g. { explore: "http://127.0.0.1:3001" }. */
  readonly services: Readonly<Record<string, string>>;
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Mock mode: no service runs. Team name → its micro-frontend's build folder, served under /<team>/static/;
   * msw's worker script is served at /mockServiceWorker.js and the page is told to start it.
   */
  readonly mock?: { readonly bundles: Readonly<Record<string, string>>; readonly workerScript: string };
  /**
   * Development: module name → URL, e.g. { "@tractor/decide": "http://localhost:9002/tractor-decide.js" }. The
   * page gets one more import map with these (later maps win) and the developer overlay.
   */
  readonly overrides?: Readonly<Record<string, string>>;
}

const json = (statusCode: number, message: string) => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});

/** Names with a content hash or a version folder never change: cache them for a year. */
const IMMUTABLE = /\.[0-9a-f]{8}\.js$|^\/shared\/npm\//;

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(compress, { threshold: 1024 });

  if (options.mock) {
    for (const [team, dir] of Object.entries(options.mock.bundles)) {
      await app.register(fastifyStatic, { root: dir, prefix: `/${team}/static/`, decorateReply: false });
    }
    const worker = options.mock.workerScript;
    app.get('/mockServiceWorker.js', (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile(path.basename(worker), path.dirname(worker)),
    );
  }

  for (const [team, upstream] of Object.entries(options.mock ? {} : options.services)) {
    for (const part of ['api', 'static']) {
      const prefix = `/${team}/${part}`;
      await app.register(proxy, {
        upstream,
        prefix,
        rewritePrefix: prefix,
        replyOptions: {
          onError: (reply) => {
            void reply
              .code(503)
              .header('cache-control', 'no-store')
              .send(json(503, `Team ${team}'s service is not reachable right now.`));
          },
        },
      });
    }
  }

  await app.register(fastifyStatic, {
    root: options.distDir,
    index: false,
    cacheControl: false,
    setHeaders: (res, file) => {
      const url = `/${path.relative(options.distDir, file).split(path.sep).join('/')}`;
      res.header('cache-control', IMMUTABLE.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  // Every page URL gets the shell; the layout decides what it shows (including "not found").
  // Paths that look like files or APIs get a real 404 instead.
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const looksLikeAFile =
      /\.[a-z0-9]+$/i.test(pathname) ||
      /^\/(cdn|shared)\//.test(pathname) ||
      /^\/[\w-]+\/(api|static)\//.test(pathname);
    if (request.method !== 'GET' || looksLikeAFile) {
      return reply.code(404).send(json(404, `Nothing at ${request.method} ${pathname}.`));
    }
    return sendShell(reply);
  });
  app.get('/', (_request, reply) => sendShell(reply));

  const overrides = Object.keys(options.overrides ?? {}).length ? options.overrides : undefined;
  let changedShell: string | undefined;
  function sendShell(reply: FastifyReply) {
    reply.header('cache-control', 'no-cache');
    if (!options.mock && !overrides) return reply.sendFile('index.html');
    changedShell ??= changeShell(readFileSync(path.join(options.distDir, 'index.html'), 'utf8'));
    return reply.type('text/html; charset=utf-8').send(changedShell);
  }

  function changeShell(html: string): string {
    let head = '';
    // Mock mode: the root config starts the mock worker before anything else.
    if (options.mock) head += '<meta name="tractor-mode" content="mock">';
    if (overrides) head += '<meta name="tractor-devtools" content="on">';
    let page = html.replace('<head>', `<head>${head}`);
    if (overrides) {
      // After the page's own maps, before the injector merges them: the override wins.
      const map = `<script type="injector-importmap">${JSON.stringify({ imports: overrides })}</script>`;
      page = page.replace(/<script[^>]*import-map-injector[^>]*><\/script>/, (injector) => map + injector);
    }
    return page;
  }

  app.get('/health', async () => ({ status: 'ok', service: 'gateway' }));
  return app;
}
