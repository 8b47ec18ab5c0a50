// `npm start`: builds what is out of date, starts each team's service and the gateway, prints the URL,
// and stops everything on Ctrl-C.
//   --port N   gateway port (default 3000, or PORT); services listen on N+1, N+2, …
//   --fresh    new, empty databases in a temporary folder, deleted on exit (the e2e tests use this)
//   --no-build serve whatever is built
//   --mock     no services at all: every API answered by msw in the page (each team's mocks)
//   --override @tractor/decide=http://localhost:9002/tractor-decide.js   (repeatable) load that module from
//              there instead, and show the developer overlay — what `npm run dev -- --team decide` does
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builds, repoRoot, teamServices } from './stack.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    fresh: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    mock: { type: 'boolean', default: false },
    override: { type: 'string', multiple: true, default: [] },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65530) {
  console.error(`--port must be a port number, not "${args.port}".`);
  process.exit(2);
}

/** Newest modification time under `dir`, skipping build output and dependencies. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.data', 'test-results'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function buildWhatIsNeeded() {
  const commonInputs = Math.max(
    newest(path.join(repoRoot, 'shared')),
    statSync(path.join(repoRoot, 'webpack.config.base.js')).mtimeMs,
    statSync(path.join(repoRoot, 'shared-dependencies.js')).mtimeMs,
  );
  for (const { workspace, dir } of builds) {
    const dist = path.join(repoRoot, dir, 'dist');
    const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
    if (builtAt > Math.max(commonInputs, newest(path.join(repoRoot, dir)))) continue;
    console.log(`building ${workspace} …`);
    const result = spawnSync('npm', ['run', 'build', '--silent', '-w', workspace], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) {
      console.error(`Building ${workspace} failed.`);
      process.exit(1);
    }
  }
}

const children: ChildProcess[] = [];
const dataRoot = args.fresh ? mkdtempSync(path.join(os.tmpdir(), 'tractor-store-')) : undefined;

function run(name: string, cwd: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.join(repoRoot, cwd),
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `[${name}] stopped (${signal ?? `exit code ${code}`}); the store keeps running without it.`,
      );
  });
  children.push(child);
  return child;
}

async function waitForHealth(name: string, url: string, child: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} was not ready within 90 s (${url}).`);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const exited = Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  void Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]).then(() => {
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    process.exit(code);
  });
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

if (!args['no-build']) buildWhatIsNeeded();

// Every process knows where each team's service listens: the gateway proxies to them, and a service may
// call another team's service through that team's typed client (Checkout asks Explore about stores).
const serviceUrls: Record<string, string> = {};
for (const { team, portOffset } of teamServices) {
  serviceUrls[`${team.toUpperCase()}_URL`] = `http://127.0.0.1:${port + portOffset}`;
}

try {
  await Promise.all(
    (args.mock ? [] : teamServices).map((service) => {
      const servicePort = port + service.portOffset;
      const env: Record<string, string> = { ...serviceUrls, PORT: String(servicePort) };
      if (dataRoot) env.DATA_DIR = path.join(dataRoot, service.team);
      const child = run(service.team, service.serviceDir, 'src/server.ts', env);
      return waitForHealth(service.team, `http://127.0.0.1:${servicePort}/health`, child);
    }),
  );
  const gateway = run('gateway', 'root-config', 'server/gateway-server.ts', {
    ...serviceUrls,
    PORT: String(port),
    ...(args.mock ? { MOCK: 'on' } : {}),
    IMPORT_MAP_OVERRIDES: JSON.stringify(
      Object.fromEntries(args.override.map((o) => [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)])),
    ),
  });
  await waitForHealth('gateway', `http://127.0.0.1:${port}/health`, gateway);
  const mode = args.mock ? ' in mock mode (no services; msw answers in the page)' : '';
  console.log(`\nThe Tractor Store is open at http://localhost:${port}${mode}  (Ctrl-C stops it)\n`);
} catch (error) {
  console.error((error as Error).message);
  stop(1);
}
