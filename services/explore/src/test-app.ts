// One migrated, seeded database and one app per test file (PGlite in memory, or TEST_DATABASE_URL).
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from '@tractor/shared/service';
import { buildExploreApp } from './app.js';

export async function openTestApp(): Promise<{ db: Database; app: FastifyInstance; close(): Promise<void> }> {
  const db = await openDatabase({ url: process.env.TEST_DATABASE_URL, dataDir: 'memory' });
  await migrate(db, path.join(import.meta.dirname, '../migrations'));
  const app = await buildExploreApp({ db });
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
