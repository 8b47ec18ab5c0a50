// Starts a team's service from the environment: PORT, HOST, DATABASE_URL or DATA_DIR, LOG_LEVEL.
// Opens the database, applies migrations (seeding a new one), listens, and closes cleanly on SIGINT/SIGTERM.
import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from './db.js';

export interface RunOptions {
  readonly team: string;
  readonly defaultPort: number;
  readonly defaultDataDir: string;
  readonly migrationsDir: string;
  readonly build: (db: Database) => Promise<FastifyInstance>;
}

export async function runService(options: RunOptions): Promise<void> {
  const started = performance.now();
  const env = process.env;
  const port = Number(env.PORT ?? options.defaultPort);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR ?? options.defaultDataDir });
  const applied = await migrate(db, options.migrationsDir);
  const app = await options.build(db);
  await app.listen({ port, host: env.HOST ?? '127.0.0.1' });
  const ms = Math.round(performance.now() - started);
  // One plain line a person (and the start script) can read, whatever the log level.
  console.log(
    `${options.team} service on http://${env.HOST ?? '127.0.0.1'}:${port} (${db.kind}` +
      `${applied.length ? `, applied ${applied.join(', ')}` : ''}) ready in ${ms} ms`,
  );

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
