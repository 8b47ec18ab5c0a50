// `npm start`: builds what is out of date, starts each team's service and the gateway (with the import map
// service and the asset store), deploys each team's local build that is not live, prints the URL, and stops
// everything on Ctrl-C.
//   --port N   gateway port (default 3000, or PORT); services listen on N+1, N+2, …
//   --fresh    new, empty databases in a temporary folder, deleted on exit (the e2e tests use this)
//   --no-build serve whatever is built
//   --no-deploy keep the live import map as it is (otherwise each team's local build is deployed if it is not live)
//   --mock     no services at all: every API answered by msw in the page (each team's mocks)
//   --override @tractor/decide=http://localhost:9002/tractor-decide.js   (repeatable) load that module from
//              there instead, and show the developer overlay — what `npm run dev -- --team decide` does
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_TOKENS_FILE, readTokens } from '../platform/importmap/tokens.js';
import { deploy } from './deploy-client.js';
import { buildStale, builds, repoRoot, teamServices } from './stack.js';
import { Processes, waitForHealth } from './processes.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    fresh: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    mock: { type: 'boolean', default: false },
    override: { type: 'string', multiple: true, default: [] },
    'no-deploy': { type: 'boolean', default: false },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65530) {
  console.error(`--port must be a port number, not "${args.port}".`);
  process.exit(2);
}

const processes = new Processes();
const dataRoot = args.fresh ? mkdtempSync(path.join(os.tmpdir(), 'tractor-store-')) : undefined;

/** A TypeScript program of the store (a service, the gateway), supervised. */
const run = (name: string, cwd: string, script: string, env: Record<string, string>) =>
  processes.start(name, process.execPath, ['--import', 'tsx', script], {
    cwd: path.join(repoRoot, cwd),
    env,
  });

function stop(code = 0) {
  if (processes.stopping) return;
  void processes.stopAll().then(() => {
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    process.exit(code);
  });
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

if (!args['no-build']) {
  try {
    buildStale(builds);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

// Every process knows where each team's service listens: the gateway proxies to them, and a service may
// call another team's service through that team's typed client (Checkout asks Explore about stores).
const serviceUrls: Record<string, string> = {};
for (const { team, portOffset } of teamServices) {
  serviceUrls[`${team.toUpperCase()}_URL`] = `http://127.0.0.1:${port + portOffset}`;
}

// The platform's data (the import map's database, the asset store): its own folder per mode, so a mock-mode
// store and the real one never share a database.
const platformDir = dataRoot
  ? path.join(dataRoot, 'platform')
  : path.join(repoRoot, 'platform/.data', args.mock ? 'mock' : '');

try {
  const services = (args.mock ? [] : teamServices).map((service) => {
    const servicePort = port + service.portOffset;
    // DEVTOOLS: a developer's machine, so each service also serves its API's docs page.
    // ASSETS_URL: the asset store (the gateway) the service loads its team's server renderers from.
    const env: Record<string, string> = {
      ...serviceUrls,
      PORT: String(servicePort),
      DEVTOOLS: 'on',
      ASSETS_URL: `http://127.0.0.1:${port}`,
    };
    if (dataRoot) env.DATA_DIR = path.join(dataRoot, service.team);
    const child = run(service.team, service.serviceDir, 'src/server.ts', env);
    return waitForHealth(service.team, `http://127.0.0.1:${servicePort}/health`, child);
  });
  const gateway = run('gateway', 'platform', 'server.ts', {
    ...serviceUrls,
    PORT: String(port),
    DATA_DIR: platformDir,
    ...(args.mock ? { MOCK: 'on' } : {}),
    // A developer's machine: ?devtools turns on import-map-overrides (never on the production store).
    DEVTOOLS: 'on',
    IMPORT_MAP_OVERRIDES: JSON.stringify(
      Object.fromEntries(args.override.map((o) => [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)])),
    ),
  });
  await Promise.all([...services, waitForHealth('gateway', `http://127.0.0.1:${port}/health`, gateway)]);
  if (!args['no-deploy']) await deployLocalBuilds();
  const mode = args.mock ? ' in mock mode (no services; msw answers in the page)' : '';
  console.log(`\nThe Tractor Store is open at http://localhost:${port}${mode}  (Ctrl-C stops it)\n`);
} catch (error) {
  console.error((error as Error).message);
  stop(1);
}

/**
 * The working tree's builds go live: each team whose local build is not its live one is deployed, as
 * `npm run deploy` would (so a fresh clone's first start deploys every team once).
 */
async function deployLocalBuilds() {
  const tokens = readTokens(LOCAL_TOKENS_FILE);
  await Promise.all(
    teamServices.map(async ({ team, microfrontendDir }) => {
      const target = { origin: `http://127.0.0.1:${port}`, token: tokens[team] };
      const { deployment, changed } = await deploy(target, path.join(repoRoot, microfrontendDir, 'dist'));
      if (changed) console.log(`deployed ${team} ${deployment.version} (build ${deployment.build})`);
    }),
  );
}
