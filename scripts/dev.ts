// `npm run dev -- --team decide`: the whole store (as `npm start`) with one team's module served by that team's
// webpack-dev-server (live reload on save), wired in with an import-map override, and the developer overlay on.
//   --team explore|decide|checkout   (required)
//   --port N                         the store's port (default 3000)
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { teams } from '../shared/teams.js';
import { repoRoot } from './stack.js';

const { values: args } = parseArgs({
  options: { team: { type: 'string' }, port: { type: 'string', default: '3000' } },
});
const team = teams.find((t) => t.name === args.team);
if (!team) {
  console.error(`--team must be one of ${teams.map((t) => t.name).join(', ')}.`);
  process.exit(2);
}
const storeUrl = `http://localhost:${args.port}`;
const moduleUrl = `http://localhost:${team.devPort}/tractor-${team.name}.js`;

const children = [
  spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/start.ts',
      '--port',
      args.port!,
      '--override',
      `@tractor/${team.name}=${moduleUrl}`,
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  ),
  spawn('npm', ['start', '--silent', '-w', `@tractor/${team.name}`], {
    cwd: repoRoot,
    env: { ...process.env, STORE_URL: storeUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
];
console.log(
  `${team.name}'s dev server: http://localhost:${team.devPort} (standalone page), module ${moduleUrl}`,
);
console.log(
  `The store at ${storeUrl} loads @tractor/${team.name} from the dev server; save a file to reload.`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
