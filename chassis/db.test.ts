import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from './db.js';

let db: Database;
let dir: string;

before(async () => {
  db = await openDatabase({ dataDir: 'memory' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  writeFileSync(
    path.join(dir, '001_things.sql'),
    'CREATE TABLE thing (id int PRIMARY KEY, name text NOT NULL);',
  );
  writeFileSync(
    path.join(dir, '002_seed.sql'),
    "INSERT INTO thing VALUES (1, 'one'); INSERT INTO thing VALUES (2, 'two');",
  );
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('migrations apply once, in name order', async () => {
  assert.deepEqual(await migrate(db, dir), ['001_things.sql', '002_seed.sql']);
  assert.deepEqual(await migrate(db, dir), []);
  const rows = await db.query<{ name: string }>('SELECT name FROM thing ORDER BY id');
  assert.deepEqual(
    rows.map((r) => r.name),
    ['one', 'two'],
  );
});

test('a failing migration leaves nothing behind', async () => {
  writeFileSync(
    path.join(dir, '003_broken.sql'),
    "INSERT INTO thing VALUES (3, 'three'); INSERT INTO nowhere VALUES (1);",
  );
  await assert.rejects(migrate(db, dir), /nowhere/);
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM thing');
  assert.equal(count?.n, 2);
  const applied = await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
  assert.deepEqual(
    applied.map((r) => r.name),
    ['001_things.sql', '002_seed.sql'],
  );
});

test('a transaction that throws rolls back', async () => {
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query("INSERT INTO thing VALUES (9, 'nine')");
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  assert.deepEqual(await db.query('SELECT id FROM thing WHERE id = 9'), []);
});
