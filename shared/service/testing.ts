// One migrated, seeded database and one app per test file: PGlite in memory, or a real PostgreSQL when
// TEST_DATABASE_URL is set (the same tests then run against it).
import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from './db.js';

export interface TestService {
  readonly db: Database;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function openTestService(
  migrationsDir: string,
  build: (db: Database) => Promise<FastifyInstance>,
): Promise<TestService> {
  const db = await openDatabase({ url: process.env.TEST_DATABASE_URL, dataDir: 'memory' });
  await migrate(db, migrationsDir);
  const app = await build(db);
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
