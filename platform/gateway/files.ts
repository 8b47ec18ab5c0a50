// The files the gateway serves as they are: the asset store's published team builds (/assets/<team>/<build>/…,
// immutable, readable from a team's dev server on another port), and the root config's build — the shared
// modules, pictures and fonts — but never the templates the page is made from; in mock mode, msw's worker.
// (A plugin of the gateway's own scope: the page's "not found" handler answers what is not here.)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Names with a content hash or a version folder never change: cache them for good. */
const HASHED = /\.[0-9a-f]{8}\.js$|^\/shared\/npm\//;
/** Build files the page is made from, never served as they are. */
const TEMPLATES = new Set(['/index.html', '/platform.json']);

export interface FilesOptions {
  /** The asset store's folder. */
  readonly assetDir: string;
  /** The root config's build folder. */
  readonly distDir: string;
  /** Mock mode: msw's worker script, served at /mockServiceWorker.js (the page starts it). */
  readonly mock?: { readonly workerScript: string };
}

export const files = fp<FilesOptions>(
  async (app: FastifyInstance, options) => {
    await mkdir(options.assetDir, { recursive: true });
    await app.register(fastifyStatic, {
      root: path.resolve(options.assetDir),
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

    if (options.mock) {
      const worker = options.mock.workerScript;
      app.get('/mockServiceWorker.js', (_request, reply) =>
        reply.header('cache-control', 'no-cache').sendFile(path.basename(worker), path.dirname(worker)),
      );
    }
  },
  { name: 'files' },
);
