// Starts a team's service from the environment: PORT, HOST, DATABASE_URL or DATA_DIR, LOG_LEVEL, DEVTOOLS,
// ASSETS_URL and RENDER_BUILDS (server rendering).
// Opens the database, applies migrations (seeding a new one), listens, and closes cleanly on SIGINT/SIGTERM.
// A service folder has the same shape for every team: migrations/ and .data/ (PGlite).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { team } from '@tractor/shared/teams';
import { migrate, openDatabase, type Database } from './db.js';
import { followLive, WorkerBuilds } from './builds.js';
import { addRenderRoutes, inProcessFetch } from './render.js';

export interface RunOptions {
  /** The team's name in the registry: its default port is 3000 + the registry's port offset. */
  readonly team: string;
  /** The service's folder (services/<team>). */
  readonly serviceDir: string;
  /**
   * The team server-renders its parts: GET /<team>/render/… renders with the build the shell names, loaded
   * from the asset store at ASSETS_URL (builds.ts). Without ASSETS_URL the service renders nothing (the
   * browser renders every part, as without a server).
   */
  readonly render?: boolean;
  /** Builds the app; `common` holds what every service gets: its logger. */
  readonly build: (
    db: Database,
    common: { logger: FastifyServerOptions['logger']; migrations: readonly string[]; docs: boolean },
  ) => Promise<FastifyInstance>;
}

export async function runService(options: RunOptions): Promise<void> {
  const started = performance.now();
  const env = process.env;
  const port = Number(env.PORT ?? 3000 + team(options.team).portOffset);
  const host = env.HOST ?? '127.0.0.1';
  const db = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? path.join(options.serviceDir, '.data'),
  });
  const migrationsDir = path.join(options.serviceDir, 'migrations');
  const applied = await migrate(db, migrationsDir);
  const app = await options.build(db, {
    logger: { level: env.LOG_LEVEL ?? 'info' },
    migrations: (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')),
    // The dev modes (npm start, npm run dev) show the API's docs page.
    docs: env.DEVTOOLS === 'on',
  });
  const assetsOrigin = env.ASSETS_URL;
  if (options.render && assetsOrigin) {
    const builds = new WorkerBuilds({
      team: options.team,
      assetsOrigin,
      cap: Number(env.RENDER_BUILDS ?? 4),
      // The first render of each part is several times slower (modules, JIT): a build renders each once as it
      // loads, not in a shopper's page, which waits at most its budget for it.
      warmFetch: inProcessFetch(app, undefined),
      log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
    });
    addRenderRoutes(app, { team: options.team, builds });
    // Every replica has the live build loaded before a shopper's page asks for it.
    const unfollow = followLive(builds, { team: options.team, origin: assetsOrigin, log: app.log });
    app.addHook('onClose', async () => {
      unfollow();
      await builds.close();
    });
  } else if (options.render) {
    app.log.warn('ASSETS_URL is not set: this service renders no parts (the browser renders them)');
  }
  await app.listen({ port, host });
  const ms = Math.round(performance.now() - started);
  // One plain line a person (and the start script) can read, whatever the log level.
  console.log(
    `${options.team} service on http://${host}:${port} (${db.kind}` +
      `${applied.length ? `, applied ${applied.join(', ')}` : ''}) ready in ${ms} ms`,
  );

  closeOnSignal(app, db);
}

/** On SIGINT or SIGTERM (once): stop taking requests, finish those in flight, close the database, exit. */
export function closeOnSignal(app: FastifyInstance, db: Database): void {
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}
