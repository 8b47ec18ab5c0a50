// Ship one team without the others, against the store `npm start` runs (same PORT and default):
//   npm run deploy -- <team>             build it if stale, publish its files, switch its import-map entries
//   npm run rollback -- <team> [--to N]  switch back to the build live before (or to deployment N)
//   npm run versions                     each team's live version and history (= npm run deploy -- --status)
// Options: --port N (PORT, 3000) or --origin URL; --dist DIR (a build made elsewhere, e.g. by CI); --no-build;
// --force (deploy even when that build is live). The token: DEPLOY_TOKEN, or the local store's credentials file.
//   npm run deploy -- <team> --check    would the build pass the gate against what is live? (exit 1 if not)
//   npm run deploy -- <team> --preview  publish the build and offer it for preview (nothing live changes): prints
//                                       a link that gives one browser the candidate. --store URL: the store's public
//                                       origin for the link (default: --origin); --hours N: how long it works (24)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HttpError } from '@tractor/shared/contracts/http';
import { teams } from '../shared/teams.js';
import { LOCAL_TOKENS_FILE, readTokens } from '../platform/importmap/tokens.js';
import {
  allDeployments,
  checkRelease,
  deploy,
  preview,
  readManifest,
  rollback,
  type Target,
} from './deploy-client.js';
import { buildStale, repoRoot } from './stack.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    origin: { type: 'string' },
    dist: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    status: { type: 'boolean', default: false },
    rollback: { type: 'boolean', default: false },
    preview: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    store: { type: 'string' },
    hours: { type: 'string', default: '24' },
    to: { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const origin = args.origin ?? `http://127.0.0.1:${args.port}`;

function tokenFor(team: string): string {
  if (process.env.DEPLOY_TOKEN) return process.env.DEPLOY_TOKEN;
  try {
    const token = readTokens(LOCAL_TOKENS_FILE)[team];
    if (token) return token;
  } catch {
    // no credentials file yet
  }
  return fail(
    `No deploy token for ${team}: set DEPLOY_TOKEN, or start the store once (npm start) to create ${path.relative(repoRoot, LOCAL_TOKENS_FILE)}.`,
  );
}

async function printStatus(target: Target) {
  const { teams: states } = await allDeployments(target);
  for (const state of states) {
    const live = state.live;
    console.log(
      `${state.team.padEnd(10)} ${live ? `${live.version}  build ${live.build}  (deployment ${live.id}, ${live.deployedAt})` : 'never deployed'}`,
    );
    for (const d of state.history.slice(0, 10)) {
      const what = d.action === 'rollback' ? `rollback to ${d.restores}` : 'deploy';
      console.log(
        `  ${d.id === live?.id ? '*' : ' '} ${String(d.id).padStart(4)}  ${d.deployedAt}  ${what.padEnd(16)} ${d.version}  ${d.build}`,
      );
    }
  }
}

async function main() {
  if (args.status) return printStatus({ origin });
  const team = positionals[0];
  if (!team || !teams.some((t) => t.name === team)) {
    fail(
      `Name a team: ${teams.map((t) => t.name).join(', ')} (npm run ${args.rollback ? 'rollback' : 'deploy'} -- <team>).`,
    );
  }
  const target = { origin, token: tokenFor(team!) };

  if (args.rollback) {
    const to = args.to === undefined ? undefined : Number(args.to);
    if (to !== undefined && !Number.isInteger(to)) fail(`--to must be a deployment id, not "${args.to}".`);
    const deployment = await rollback(target, team!, to);
    console.log(
      `${team} rolled back to ${deployment.version} (build ${deployment.build}, deployment ${deployment.id}): live on the next page load.`,
    );
    return;
  }

  const started = performance.now();
  const dist = args.dist ? path.resolve(args.dist) : path.join(repoRoot, 'microfrontends', team!, 'dist');
  if (!args.dist && !args['no-build'])
    buildStale([{ workspace: `@tractor/${team}`, dir: `microfrontends/${team}` }]);
  if (args.check) {
    const manifest = await readManifest(dist);
    await checkRelease(target, dist);
    console.log(
      `${team} ${manifest.version} (build ${manifest.build}) passes the gate: every live build of the other ` +
        `teams finds what it uses, and ${team}'s live service serves its contract.`,
    );
    return;
  }
  if (args.preview) {
    const hours = Number(args.hours);
    if (!(hours > 0 && hours <= 168)) fail(`--hours must be between 1 and 168, not "${args.hours}".`);
    const {
      preview: offered,
      published,
      created,
    } = await preview(target, dist, {
      expiresInSeconds: Math.round(hours * 3600),
    });
    console.log(
      `${team} ${offered.version} (build ${offered.build}) is offered for preview until ${offered.expiresAt} ` +
        `(${published} files published, ${created} new, ${((performance.now() - started) / 1000).toFixed(1)} s). ` +
        `Nothing live changed. Open this link in the browser that should see it:`,
    );
    console.log(new URL(offered.link, args.store ?? origin).href);
    return;
  }
  const result = await deploy(target, dist, { force: args.force });
  const { deployment } = result;
  if (!result.changed) {
    console.log(`${team} ${deployment.version} (build ${deployment.build}) is live already: nothing to do.`);
    return;
  }
  console.log(
    `${team} ${deployment.version} (build ${deployment.build}, deployment ${deployment.id}) is live: ` +
      `${result.published} files published (${result.created} new), map switched in ${result.switchMs.toFixed(0)} ms, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s in all.`,
  );
}

try {
  await main();
} catch (error) {
  const status = error instanceof HttpError && error.status ? ` (${error.status})` : '';
  console.error(`${(error as Error).message}${status}`);
  process.exit(1);
}
