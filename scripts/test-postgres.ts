// `npm run test:pg`: the tests that touch a database — the teams' services, the shared service code and the
// import map service — once more, on a real PostgreSQL instead of PGlite. The server is TEST_DATABASE_URL when
// set, else the machine's PostgreSQL on 127.0.0.1:5432 (database `test`) when it answers, else a private one
// started here (initdb); with none of these it says why it skips.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPrivatePostgres, type PrivatePostgres } from './prod/postgres.js';

const rootDir = path.join(import.meta.dirname, '..');
const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function testFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(rootDir, file));
    }
  };
  for (const dir of ['services', 'chassis', 'platform/importmap']) walk(path.join(rootDir, dir));
  return found.sort();
}

const hasInitdb = () => {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
};

let server = process.env.TEST_DATABASE_URL;
let privatePostgres: PrivatePostgres | undefined;
if (!server && (await answers(MACHINE_POSTGRES))) server = MACHINE_POSTGRES;
if (!server && hasInitdb()) {
  privatePostgres = await startPrivatePostgres(path.join(tmpdir(), 'tractor-store-test-postgres'), 9433);
  server = privatePostgres.url;
}
if (!server) {
  console.log(
    'Skipping the service tests on PostgreSQL: no TEST_DATABASE_URL, nothing on 127.0.0.1:5432 and no initdb (apt-get install postgresql).',
  );
  process.exit(0);
}

console.log(`The service tests on PostgreSQL (${server.replace(/\/\/[^@]*@/, '//')})`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles()],
  { stdio: 'inherit', cwd: rootDir, env: { ...process.env, TEST_DATABASE_URL: server } },
);
await privatePostgres?.stop();
process.exit(result.status ?? 1);
