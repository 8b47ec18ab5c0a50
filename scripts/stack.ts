// The store's processes, in one table read from the team registry: each team's service and the gateway in
// front of them. Ports are offsets from the gateway's port, so a test stack on 3100 uses 3101….
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { teams } from '../shared/teams.js';

export const repoRoot = path.join(import.meta.dirname, '..');

export interface TeamService {
  readonly team: string;
  /** Offset from the gateway's port. */
  readonly portOffset: number;
  readonly serviceDir: string;
  readonly microfrontendDir: string;
}

/** Every team's service: `npm start` runs each one. */
export const teamServices: readonly TeamService[] = teams.map(({ name, portOffset }) => ({
  team: name,
  portOffset,
  serviceDir: `services/${name}`,
  microfrontendDir: `microfrontends/${name}`,
}));

/** Workspaces whose build output the store serves, with the folders their build reads. */
export const builds: readonly Build[] = [
  // The shell's build also renders the platform's pictures (platform/pictures/).
  { workspace: '@tractor/root-config', dir: 'root-config', reads: ['platform/pictures'] },
  ...teamServices.map((s) => ({ workspace: `@tractor/${s.team}`, dir: s.microfrontendDir })),
];

export interface Build {
  readonly workspace: string;
  /** The workspace's folder: its build goes to dist/ there. */
  readonly dir: string;
  /** Other folders its build reads. */
  readonly reads?: readonly string[];
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

/** Builds each of `selected` whose sources (or the shared inputs) changed since its last build. */
export function buildStale(selected: readonly Build[]): void {
  const commonInputs = Math.max(
    newest(path.join(repoRoot, 'shared')),
    ...['webpack.config.base.js', 'webpack.manifest.js', 'shared-dependencies.js'].map(
      (file) => statSync(path.join(repoRoot, file)).mtimeMs,
    ),
  );
  for (const { workspace, dir, reads = [] } of selected) {
    const dist = path.join(repoRoot, dir, 'dist');
    const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
    const inputs = [dir, ...reads].map((folder) => newest(path.join(repoRoot, folder)));
    if (builtAt > Math.max(commonInputs, ...inputs)) continue;
    console.log(`building ${workspace} …`);
    const result = spawnSync('npm', ['run', 'build', '--silent', '-w', workspace], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`Building ${workspace} failed.`);
    // webpack leaves unchanged files (same content hash) as they are, so the folder may look old: mark it built.
    const now = new Date();
    utimesSync(dist, now, now);
  }
}

/**
 * A changed build of `team`, as its CI would make it: the production build of `tree`'s sources (this checkout by
 * default) labelled `label` (its page says so), in a folder of its own. `remove()` deletes the folder. A test
 * may plant a fault in it (`fault`: shared/spa/build-label.ts), which no other build holds.
 */
export function labelledBuild(team: string, label: string, tree = repoRoot, fault = '') {
  const dist = mkdtempSync(path.join(os.tmpdir(), `${team}-${label}-`));
  const made = spawnSync('npx', ['webpack', '--mode', 'production', '--output-path', dist], {
    cwd: path.join(tree, 'microfrontends', team),
    env: { ...process.env, TRACTOR_BUILD_LABEL: label, TRACTOR_TEST_FAULT: fault },
    encoding: 'utf8',
  });
  if (made.status !== 0) {
    rmSync(dist, { recursive: true, force: true });
    throw new Error(`the ${label} build of ${team} failed: ${made.stderr}`);
  }
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    build: string;
    version: string;
  };
  return { dist, ...manifest, remove: () => rmSync(dist, { recursive: true, force: true }) };
}
