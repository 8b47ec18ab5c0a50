// `npm run test:prod`: the production topology's fault tests — when this machine has nginx and PostgreSQL's
// server (initdb); otherwise it says why it skips them. `.ci/run` installs both first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const hasNginx = spawnSync('nginx', ['-v']).status === 0;
const root = '/usr/lib/postgresql';
const hasPostgres =
  existsSync(root) && readdirSync(root).some((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
if (!hasNginx || !hasPostgres) {
  console.log(
    `Skipping the production topology's fault tests: ${[!hasNginx && 'nginx', !hasPostgres && "PostgreSQL's server"].filter(Boolean).join(' and ')} not installed (apt-get install nginx postgresql).`,
  );
  process.exit(0);
}
const result = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'e2e/playwright.prod.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: path.join(import.meta.dirname, '../..'),
  },
);
process.exit(result.status ?? 1);
