// The tiny database interface every service uses: query, exec, transaction, close. PGlite (PostgreSQL in
// WebAssembly, data in a folder) by default; a real PostgreSQL through `pg` when DATABASE_URL is set.
// Both run the same SQL: migrations are plain .sql files applied in name order.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — use a real PostgreSQL server. */
  readonly url?: string | undefined;
  /** PGlite's data folder; undefined or "memory" keeps the database in memory. */
  readonly dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const onDisk = dataDir && dataDir !== 'memory' ? dataDir : undefined;
  if (onDisk) await mkdir(onDisk, { recursive: true }); // PGlite creates only the last folder
  const db = await PGlite.create(onDisk);
  const wrap = (q: Pick<typeof db, 'query' | 'exec'>): Queryable => ({
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await q.query<Row>(sql, [...params])).rows,
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

const statementNames = new Map<string, string>();
const statementName = (sql: string) => {
  let name = statementNames.get(sql);
  if (!name)
    statementNames.set(sql, (name = `q${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`));
  return name;
};

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  // Sized for the machine: a query holds a connection for well under a millisecond here, so a few per core
  // keep the cores busy without queueing in the server (PG_POOL_MAX overrides).
  const max = Number(process.env.PG_POOL_MAX ?? Math.max(4, availableParallelism() * 2));
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (a restart, an administrator) is dropped from the pool and replaced on
  // the next query; without a listener, its error would end the process.
  pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
  await pool.query('SELECT 1'); // fail at start, not at the first shopper's request
  const wrap = (q: Pool | PoolClient): Queryable => ({
    // A query with parameters is a named prepared statement: parsed and planned once per connection.
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (params.length
        ? await q.query({ name: statementName(sql), text: sql, values: [...params] })
        : await q.query(sql)
      ).rows as Row[],
    exec: async (sql) => {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Applies the .sql files of `dir` not applied yet, in name order, in one transaction. Returns their names. */
export async function migrate(db: Database, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    // Replicas starting together on one PostgreSQL take turns here.
    await tx.query('SELECT pg_advisory_xact_lock(7461)');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name),
    );
    const pending = files.filter((f) => !done.has(f));
    for (const file of pending) {
      await tx.exec(await readFile(path.join(dir, file), 'utf8'));
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
    }
    return pending;
  });
}
