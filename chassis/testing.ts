// One migrated, seeded database and one app per test file: PGlite in memory, or — when TEST_DATABASE_URL is set
// (postgres://…/test) — a new database of its own on that PostgreSQL server, dropped when the file is done, so
// test files run side by side on one server without seeing each other's tables.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import assert from 'node:assert/strict';
import { migrate, openDatabase, type Database } from './db.js';
import { apiRoutesOf } from './openapi.js';
import { BuildError, type Builds } from './builds.js';
import type { TeamRenderer } from '@tractor/shared/spa/render-types';
import { serverBundle } from '@tractor/shared/spa/server-render';

export interface TestDatabase {
  readonly db: Database;
  close(): Promise<void>;
}

export interface TestService extends TestDatabase {
  readonly app: FastifyInstance;
}

/** A new, empty database: in memory, or on TEST_DATABASE_URL's server. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = await openDatabase({ dataDir: 'memory' });
    return { db, close: () => db.close() };
  }
  const name = `tractor_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: server });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.href });
  return {
    db,
    close: async () => {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export async function openTestService(
  migrationsDir: string,
  build: (db: Database) => Promise<FastifyInstance>,
): Promise<TestService> {
  const { db, close } = await openTestDatabase();
  await migrate(db, migrationsDir);
  const app = await build(db);
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

/**
 * The service's OpenAPI document (GET /<team>/api/openapi.json) lists exactly the API routes it registered:
 * every contract route is served, and nothing is served that the contract does not say.
 */
export async function documentedRoutesAreServed(app: FastifyInstance, team: string) {
  const response = await app.inject({ method: 'GET', url: `/${team}/api/openapi.json` });
  assert.equal(response.statusCode, 200);
  const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
  assert.equal(document.openapi, '3.1.0');
  const documented = Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
  assert.ok(documented.length > 0);
  assert.deepEqual(apiRoutesOf(app), documented);
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const sorted = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * The seeded database holds exactly the team's data module (src/data.ts): per table, the same rows — columns in
 * camelCase — and nothing else. The data module is the source of the seed and of the team's mock.
 */
export async function seedHolds(db: Database, tables: Readonly<Record<string, readonly object[]>>) {
  for (const [table, rows] of Object.entries(tables)) {
    const stored = await db.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
    const inData = rows.map((row) =>
      Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))),
    );
    const inDatabase = stored.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .map(([column, value]) => [camelCase(column), value])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    );
    assert.deepEqual(sorted(inDatabase), sorted(inData), `table ${table}`);
  }
}

/**
 * One build, rendered in this process by `renderer` (no worker, no asset store): for tests of what is around a
 * render. Services load builds with WorkerBuilds (builds.ts), so their main thread never loads Lit SSR.
 */
export function inProcessBuilds(build: string, renderer: TeamRenderer): Builds {
  const bundle = serverBundle(renderer);
  return {
    get: async (ref) => {
      if (ref.build !== build) throw new BuildError(404, `not a build of this team: ${ref.build}`);
      return bundle;
    },
    close: async () => {},
  };
}
