// `npm run start:prod`: the same store on production parts, on this machine — nginx as the one HTTPS + HTTP/2
// origin, PostgreSQL with a database and role per team, and several replicas of every service and of the
// gateway. Prints the URL; Ctrl-C stops everything.
//   --port N       the HTTPS port (8443); internal ports follow it
//   --replicas N   replicas of each service and of the gateway (2)
//   DATABASE_URL   an administrator's URL of the PostgreSQL to use; unset: a private one, started here
//   ORDERS_PER_MINUTE, CART_WRITES_PER_10S   the edge's limits per client address (platform/gateway/rate-limits.ts)
//   WRITE_LIMIT_EXEMPT  addresses never limited, comma-separated (a load generator of the store's own)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { teams } from '../../shared/teams.js';
import { deploy } from '../deploy-client.js';
import { buildStale, builds, repoRoot } from '../stack.js';
import { Processes, waitForHealth } from '../processes.js';
import { nginxConfig } from './nginx.js';
import { prodPorts } from './ports.js';
import { ensureDatabases, startPrivatePostgres, type PrivatePostgres } from './postgres.js';
import { localTokens } from '../../platform/importmap/tokens.js';
import { localPreviewKey } from '../../platform/importmap/previews.js';
import { BEHIND_THE_EDGE, beaconLimitFrom, writeLimitsFrom } from '../../platform/gateway/rate-limits.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8443' },
    replicas: { type: 'string', default: '2' },
    'data-dir': { type: 'string', default: path.join(repoRoot, '.data/prod') },
  },
});
const port = Number(args.port);
const replicas = Number(args.replicas);
const dataDir = path.resolve(args['data-dir']);

const ports = prodPorts(port, replicas);

const processes = new Processes();
let postgres: PrivatePostgres | undefined;

/** A TypeScript program of the store (a service replica, a gateway replica), supervised. */
const run = (name: string, cwd: string, script: string, env: NodeJS.ProcessEnv) =>
  processes.start(name, process.execPath, ['--import', 'tsx', script], { cwd, env });

function ensureNginx() {
  if (spawnSync('nginx', ['-v']).status === 0) return;
  console.log('Installing nginx (Debian package) …');
  const asRoot = (cmd: string[]) => (process.getuid?.() === 0 ? cmd : ['sudo', ...cmd]);
  for (const cmd of [
    ['apt-get', 'update', '-qq'],
    [
      'apt-get',
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      'nginx',
      'libnginx-mod-http-brotli-static',
    ],
  ]) {
    const [bin, ...rest] = asRoot(cmd);
    const result = spawnSync(bin!, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new Error('Could not install nginx: install it (apt-get install nginx) and retry.');
  }
}

/** A self-signed certificate for localhost, made once. */
function certificate() {
  const dir = path.join(dataDir, 'tls');
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '365',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`openssl could not make a certificate: ${result.stderr}`);
  }
  return { cert, key };
}

const brotliModules = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so']
  .map((m) => `/usr/lib/nginx/modules/${m}`)
  .filter(existsSync);

async function main() {
  ensureNginx();
  buildStale(builds);
  const tls = certificate();

  // PostgreSQL: a database and role per team, one for the platform's import map.
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    postgres = await startPrivatePostgres(path.join(dataDir, 'postgres'), ports.postgres);
    adminUrl = postgres.url;
  }
  const databases = await ensureDatabases(
    adminUrl,
    ['platform', ...teams.map((t) => t.name)],
    path.join(dataDir, 'pg-credentials.json'),
  );

  const internal = `http://127.0.0.1:${ports.internal}`;
  const serviceUrls = Object.fromEntries(teams.map((t) => [`${t.name.toUpperCase()}_URL`, internal]));
  const upstreams: Record<string, string[]> = {};

  // Every team's replicas: the same service, its own database, its calls to other teams through the edge.
  const starting: Promise<void>[] = [];
  teams.forEach((team) => {
    upstreams[team.name] = [];
    for (const replicaPort of ports.team(team.name)) {
      upstreams[team.name]!.push(`127.0.0.1:${replicaPort}`);
      const replica = run(
        `${team.name}:${replicaPort}`,
        path.join(repoRoot, 'services', team.name),
        'src/server.ts',
        {
          ...serviceUrls,
          PORT: String(replicaPort),
          DATABASE_URL: databases[team.name],
          // The asset store on the internal listener: where the service loads its team's server renderers.
          ASSETS_URL: internal,
          // Shoppers reach the store over HTTPS only: the cart cookie never travels in clear.
          ...(team.name === 'checkout' ? { COOKIE_SECURE: 'true' } : {}),
        },
      );
      starting.push(
        waitForHealth(
          `${team.name} on ${replicaPort}`,
          `http://127.0.0.1:${replicaPort}/health/ready`,
          replica,
        ),
      );
    }
  });

  // The gateway's replicas share the import map's database and the asset store's folder.
  const tokens = localTokens(
    path.join(dataDir, 'deploy-tokens.json'),
    teams.map((t) => t.name),
  );
  // Every gateway replica signs and checks preview links with the same key.
  const previewKey = localPreviewKey(path.join(dataDir, 'preview-key'));
  upstreams.gateway = [];
  for (const replicaPort of ports.gateway) {
    upstreams.gateway.push(`127.0.0.1:${replicaPort}`);
    const replica = run(`gateway:${replicaPort}`, path.join(repoRoot, 'platform'), 'server.ts', {
      ...serviceUrls,
      PORT: String(replicaPort),
      DATABASE_URL: databases.platform,
      DATA_DIR: dataDir,
      ASSET_DIR: path.join(dataDir, 'assets'),
      DEPLOY_TOKENS: JSON.stringify(tokens),
      PREVIEW_KEY: previewKey,
      NODE_ENV: 'production',
      ...BEHIND_THE_EDGE,
    });
    starting.push(
      waitForHealth(`gateway on ${replicaPort}`, `http://127.0.0.1:${replicaPort}/health/ready`, replica),
    );
  }

  // The edge.
  const runDir = path.join(dataDir, 'nginx');
  mkdirSync(runDir, { recursive: true });
  const configFile = path.join(runDir, 'nginx.conf');
  writeFileSync(
    configFile,
    nginxConfig({
      port: ports.edge,
      internalPort: ports.internal,
      runDir,
      certificate: tls,
      distDir: path.join(repoRoot, 'root-config/dist'),
      assetDir: path.join(dataDir, 'assets'),
      upstreams,
      brotliModules,
      writeLimits: writeLimitsFrom(process.env),
      beaconLimit: beaconLimitFrom(process.env),
      unlimited: process.env.WRITE_LIMIT_EXEMPT?.split(',').filter(Boolean) ?? [],
      // As root, nginx's workers would run as nobody and could not read a checkout in a private folder.
      ...(process.getuid?.() === 0 ? { user: 'root' } : {}),
    }),
  );
  const check = spawnSync('nginx', ['-t', '-q', '-c', configFile, '-p', runDir], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refuses the generated configuration: ${check.stderr}`);
  const nginx = processes.start('nginx', 'nginx', ['-c', configFile, '-p', runDir], { cwd: runDir });
  await Promise.all(starting);

  // Each team's local build goes live (through one replica of the platform's API).
  await Promise.all(
    teams.map(async (team) => {
      const target = { origin: `http://127.0.0.1:${ports.gateway[0]}`, token: tokens[team.name] };
      const { deployment, changed } = await deploy(
        target,
        path.join(repoRoot, 'microfrontends', team.name, 'dist'),
      );
      if (changed) console.log(`deployed ${team.name} ${deployment.version} (build ${deployment.build})`);
    }),
  );
  if (nginx.current.exitCode !== null) throw new Error('nginx stopped.');
  console.log(
    `\nThe Tractor Store (production topology: nginx HTTPS + HTTP/2, PostgreSQL, ${replicas} replicas each) is open at https://localhost:${ports.edge}  (Ctrl-C stops it)\n`,
  );
}

async function stop(code = 0) {
  if (processes.stopping) return;
  await processes.stopAll();
  await postgres?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  await main();
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
