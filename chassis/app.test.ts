// Liveness and readiness as an orchestrator sees them: live while the process answers, ready only when the
// database answers and holds every migration this version ships.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServiceApp } from './app.js';
import { migrate } from './db.js';
import { openTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;
let dir: string;
before(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
  await writeFile(path.join(dir, '001-first.sql'), 'CREATE TABLE first (id int);');
  await migrate(database.db, dir);
});
after(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

test('ready once every migration of this version is applied; live regardless', async () => {
  const current = await createServiceApp({ team: 'explore', db: database.db, migrations: ['001-first.sql'] });
  const ready = await current.inject('/health/ready');
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ready', service: 'explore', database: database.db.kind });
  assert.equal((await current.inject('/health')).statusCode, 200);
  await current.close();

  // A newer version started against a database that lacks its migration: alive, but no traffic for it.
  const newer = await createServiceApp({
    team: 'explore',
    db: database.db,
    migrations: ['001-first.sql', '002-second.sql'],
  });
  const notReady = await newer.inject('/health/ready');
  assert.equal(notReady.statusCode, 503);
  assert.match(notReady.json().message, /lacks migrations/);
  assert.equal((await newer.inject('/health/live')).statusCode, 200);
  await newer.close();
});

test('not ready when the database does not answer', async () => {
  const broken = await openTestDatabase();
  const app = await createServiceApp({ team: 'decide', db: broken.db });
  await broken.close();
  const ready = await app.inject('/health/ready');
  assert.equal(ready.statusCode, 503);
  assert.match(ready.json().message, /does not answer/);
  assert.equal((await app.inject('/health/live')).statusCode, 200);
  await app.close();
});
