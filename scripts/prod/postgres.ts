// PostgreSQL for the production topology: the server at DATABASE_URL, or a private one started here (initdb into
// a folder of the store's, its own port), and one database and role per team and for the platform.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL binaries (initdb, postgres), newest version first. */
function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found)
    throw new Error('No PostgreSQL server binaries (initdb) found: install postgresql or set DATABASE_URL.');
  return found;
}

/** PostgreSQL refuses to run as root: as root, run it as the postgres user. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

export interface PrivatePostgres {
  readonly url: string;
  readonly process: ChildProcess;
  /** Stops the server and starts it again on the same data (the fault tests' "PostgreSQL restarts"). */
  restart(): Promise<ChildProcess>;
  stop(): Promise<void>;
}

async function ready(url: string, child: ChildProcess) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error('PostgreSQL exited while starting (see its log in the data folder).');
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s (${url}).`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A PostgreSQL of the store's own in `dir` on `port` (initdb on first use), as a child process. */
export async function startPrivatePostgres(dir: string, port: number): Promise<PrivatePostgres> {
  const bin = binaries();
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    chownSync(dir, Number(uid('postgres')), Number(gid('postgres')));
    // The postgres user must be able to reach its folder (a private temporary folder is root's only).
    const parent = path.dirname(dir);
    chmodSync(parent, statSync(parent).mode | 0o711);
  }
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const [command, args] = asPostgres(path.join(bin, 'initdb'), [
      '-D',
      dir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
    ]);
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const start = async () => {
    const [command, args] = asPostgres(path.join(bin, 'postgres'), [
      '-D',
      dir,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=off',
    ]);
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    await ready(url, child);
    return child;
  };
  let current = await start();
  const stop = async () => {
    if (current.exitCode !== null) return;
    const exited = new Promise((r) => current.once('exit', r));
    // Fast shutdown, sent to the postmaster itself: as root, the child is runuser, which does not pass it on.
    const postmaster = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    try {
      process.kill(postmaster, 'SIGINT');
    } catch {
      current.kill('SIGINT');
    }
    await exited;
  };
  return {
    url,
    get process() {
      return current;
    },
    restart: async () => {
      await stop();
      current = await start();
      return current;
    },
    stop,
  };
}

const id = (flag: string, user: string) => spawnSync('id', [flag, user], { encoding: 'utf8' }).stdout.trim();
const uid = (user: string) => id('-u', user);
const gid = (user: string) => id('-g', user);

/**
 * One database and one role per name (tractor_<name>), each role owning only its database, with a password kept
 * in `credentialsFile` (0600; reused on the next start). Returns each name's connection URL. Safe to run again.
 */
export async function ensureDatabases(
  adminUrl: string,
  names: readonly string[],
  credentialsFile: string,
): Promise<Record<string, string>> {
  const passwords: Record<string, string> = existsSync(credentialsFile)
    ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>)
    : {};
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const urls: Record<string, string> = {};
  try {
    for (const name of names) {
      const role = `tractor_${name.replace(/-/g, '_')}`;
      passwords[name] ??= randomBytes(18).toString('base64url');
      const password = passwords[name]!;
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const quoted = `'${password.replace(/'/g, "''")}'`;
      await admin.query(
        exists.rowCount
          ? `ALTER ROLE ${role} WITH LOGIN PASSWORD ${quoted}`
          : `CREATE ROLE ${role} WITH LOGIN PASSWORD ${quoted}`,
      );
      const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [role]);
      if (!database.rowCount) await admin.query(`CREATE DATABASE ${role} OWNER ${role}`);
      await admin.query(`REVOKE ALL ON DATABASE ${role} FROM PUBLIC`);
      const url = new URL(adminUrl);
      url.username = role;
      url.password = password;
      url.pathname = `/${role}`;
      urls[name] = url.href;
    }
  } finally {
    await admin.end();
  }
  mkdirSync(path.dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  return urls;
}
