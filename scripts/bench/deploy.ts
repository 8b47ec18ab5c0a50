// `npm run bench` (deploy section): the import map service under load, on PGlite and — when one answers at
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) — on PostgreSQL:
//  - GET /importmap.json, 50 connections for 10 s: throughput, p50/p99, errors;
//  - deploys, 50 connections for 10 s, each switching a team's entries (If-Match: *): p50/p99, errors;
//  - `npm run deploy -- decide` of a new build: time from the command's start to the map naming the build;
//  - pages, the live map and every module fetched by 50 connections while a deploy happens: failed requests.
// Only the gateway runs (the page and the map need no team service).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { teams } from '../../shared/teams.js';
import { LOCAL_TOKENS_FILE, readTokens } from '../../platform/importmap/tokens.js';
import { deploy, deployRequest, readManifest } from '../deploy-client.js';
import { freshPostgres } from './lib.js';
import { buildStale, builds, labelledBuild, repoRoot } from '../stack.js';

const PORT = 3350;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(58)} ${value}`);
const distOf = (team: string) => path.join(repoRoot, 'microfrontends', team, 'dist');

async function startGateway(dataDir: string, databaseUrl?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: path.join(repoRoot, 'platform'),
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('the gateway did not start');
    try {
      if ((await fetch(`${ORIGIN}/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

const tokens = () => readTokens(LOCAL_TOKENS_FILE);

async function measure(kind: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-importmap-'));
  const gateway = await startGateway(dataDir, databaseUrl);
  try {
    for (const t of teams) await deploy({ origin: ORIGIN, token: tokens()[t.name] }, distOf(t.name));
    console.log(`\nImport map service on ${kind} (gateway alone, 50 connections, 10 s each)`);

    const reads = await autocannon({ url: `${ORIGIN}/importmap.json`, connections: 50, duration: 10 });
    row(
      'GET /importmap.json: req/s, p50 / p99',
      `${Math.round(reads.requests.average)}, ${reads.latency.p50} ms / ${reads.latency.p99} ms`,
    );
    row('  errors (non-2xx, failed)', `${reads.non2xx + reads.errors}`);

    const pages = await autocannon({ url: `${ORIGIN}/product/CL-01`, connections: 50, duration: 10 });
    row(
      'GET /product/CL-01 (page with the live map): req/s, p50 / p99',
      `${Math.round(pages.requests.average)}, ${pages.latency.p50} ms / ${pages.latency.p99} ms`,
    );

    const manifest = await readManifest(distOf('decide'));
    const writes = await autocannon({
      url: `${ORIGIN}/importmap/deployments/decide`,
      connections: 50,
      duration: 10,
      method: 'PUT',
      headers: {
        authorization: `Bearer ${tokens().decide}`,
        'content-type': 'application/json',
        'if-match': '*',
      },
      body: JSON.stringify(deployRequest(manifest)),
    });
    row(
      'PUT /importmap/deployments/decide: deploys/s, p50 / p99',
      `${Math.round(writes.requests.average)}, ${writes.latency.p50} ms / ${writes.latency.p99} ms`,
    );
    row('  errors (non-2xx, failed)', `${writes.non2xx + writes.errors}`);

    // A new Decide build deployed by the command while 50 connections fetch pages, the map and the modules.
    const canary = labelledBuild('decide', `bench-${Date.now().toString(36)}`);
    const { dist } = canary;
    const map = (await (await fetch(`${ORIGIN}/importmap.json`)).json()) as {
      imports: Record<string, string>;
    };
    const urls = [
      '/',
      '/product/CL-01',
      '/importmap.json',
      ...Object.values(map.imports).filter((u) => u.startsWith('/assets/')),
    ];
    const load = autocannon({
      url: ORIGIN,
      connections: 50,
      duration: 6,
      requests: urls.map((u) => ({ path: u })),
    });
    await new Promise((r) => setTimeout(r, 1500));
    const started = performance.now();
    const cli = spawn(
      'npm',
      ['run', '--silent', 'deploy', '--', 'decide', '--port', String(PORT), '--dist', dist],
      {
        cwd: repoRoot,
        stdio: 'ignore',
      },
    );
    let liveAfter = 0;
    while (!liveAfter) {
      const text = await (await fetch(`${ORIGIN}/importmap.json`)).text();
      if (text.includes(`/assets/decide/${canary.build}/`)) liveAfter = performance.now() - started;
      else await new Promise((r) => setTimeout(r, 10));
    }
    if (cli.exitCode === null) await new Promise((r) => cli.once('exit', r));
    const during = await load;
    row('npm run deploy -- decide: command start → live', `${liveAfter.toFixed(0)} ms`);
    row(
      'requests during that deploy (pages, map, modules): sent, failed',
      `${during.requests.total}, ${during.non2xx + during.errors}`,
    );
    canary.remove();
  } finally {
    await stop(gateway);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

buildStale(builds);
await measure('PGlite');
const postgres = await freshPostgres();
if (postgres) {
  try {
    await measure('PostgreSQL', postgres.url);
  } finally {
    await postgres.drop();
  }
} else {
  console.log('\n(no PostgreSQL at BENCH_DATABASE_URL: the PostgreSQL figures are skipped)');
}
