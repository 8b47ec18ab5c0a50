// Boundaries enforced by a tool, not by prose:
//  1. no file of one team imports a file or package of another team (teams meet through shared contracts,
//     events, custom elements and the pattern library); shared/ and the root config import no team, and a
//     team's mock (mocks/<team>/) only its own team (Inspire's mock runs its service's data and algorithm);
//  2. every package a workspace imports is declared in its package.json (a workspace's own *.config.js files
//     may also use the root's devDependencies);
//  3. browser code — a team's micro-frontend, the root config's shell, shared/ — never imports the platform's
//     server code (platform/); only build tooling may (the shell's build renders the platform's pictures).
// `node --import tsx scripts/check-boundaries.ts` prints violations; the unit tests run it on the repo.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly reason: string;
}

interface Workspace {
  readonly dir: string;
  readonly name: string;
  readonly declared: ReadonlySet<string>;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const depsOf = (pkg: Record<string, unknown>) =>
  new Set(
    ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((k) =>
      Object.keys((pkg[k] as Record<string, string> | undefined) ?? {}),
    ),
  );

function workspaces(root: string): Workspace[] {
  const patterns = (readJson(path.join(root, 'package.json')).workspaces as string[]) ?? [];
  const dirs = patterns.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => path.join(pattern.slice(0, -2), d.name))
      : [pattern],
  );
  return dirs
    .filter((dir) => existsSync(path.join(root, dir, 'package.json')))
    .map((dir) => {
      const pkg = readJson(path.join(root, dir, 'package.json'));
      return { dir, name: String(pkg.name), declared: depsOf(pkg) };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', 'test-results', 'playwright-report', '.data'].includes(entry.name))
      return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The team a path belongs to: microfrontends/<team>/…, services/<team>/… or mocks/<team>/…; else undefined. */
const teamOf = (relative: string) => /^(?:microfrontends|services|mocks)\/([^/]+)\//.exec(relative)?.[1];
/** The team a workspace package belongs to: @tractor/<team> or @tractor/<team>-service. */
const teamOfPackage = (name: string, teams: ReadonlySet<string>) => {
  const match = /^@tractor\/([^/]+?)(?:-service)?(?:\/|$)/.exec(name);
  return match && teams.has(match[1]!) ? match[1] : undefined;
};
/** Code that runs in a shopper's browser: it may not reach the platform's server code. */
const isBrowserCode = (relative: string) =>
  /^(?:microfrontends\/[^/]+\/src|root-config\/src|shared|mocks)\//.test(relative);
const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
const builtins = new Set(builtinModules);

export function checkBoundaries(root: string): Violation[] {
  const rootDeps = depsOf(readJson(path.join(root, 'package.json')));
  const spaces = workspaces(root);
  const teams = new Set(spaces.map((w) => teamOf(`${w.dir}/`)).filter((t): t is string => Boolean(t)));
  const violations: Violation[] = [];

  for (const workspace of spaces) {
    for (const file of sourceFiles(path.join(root, workspace.dir))) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      const ownTeam = teamOf(relative);
      // A workspace's own build tooling (webpack.config.js beside its package.json) may use the root's
      // devDependencies; everything else it runs must declare what it imports.
      const inSources = !/^[^/]*\.config\.[cm]?[jt]s$/.test(relative.slice(workspace.dir.length + 1));
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        const report = (reason: string) => violations.push({ file: relative, specifier, reason });
        if (specifier.startsWith('.')) {
          const target = path
            .relative(root, path.resolve(path.dirname(file), specifier))
            .split(path.sep)
            .join('/');
          const targetTeam = teamOf(target);
          // mocks/handlers.ts gathers every team's mock for mock mode, as the root config gathers their modules.
          const gathersMocks = !ownTeam && relative.startsWith('mocks/') && target.startsWith('mocks/');
          if (targetTeam && targetTeam !== ownTeam && !gathersMocks)
            report(`imports team ${targetTeam}'s file`);
          if (target.startsWith('platform/') && isBrowserCode(relative))
            report("browser code imports the platform's server code");
          continue;
        }
        if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const pkg = packageName(specifier);
        const pkgTeam = teamOfPackage(specifier, teams);
        if (pkgTeam && pkgTeam !== ownTeam) report(`imports team ${pkgTeam}'s package`);
        if (pkg === '@tractor/platform' && isBrowserCode(relative))
          report("browser code imports the platform's server code");
        const declared =
          pkg === workspace.name || workspace.declared.has(pkg) || (!inSources && rootDeps.has(pkg));
        if (!declared) report(`${pkg} is not declared in ${workspace.dir}/package.json`);
      }
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkBoundaries(path.join(import.meta.dirname, '..'));
  for (const v of violations) console.error(`${v.file}: "${v.specifier}" — ${v.reason}`);
  console.log(violations.length ? `${violations.length} boundary violations` : 'boundaries hold');
  process.exit(violations.length ? 1 : 0);
}
