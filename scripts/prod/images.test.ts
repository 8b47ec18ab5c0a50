// What goes into the images, checked the way docker sees it (no container runtime runs here). The build context —
// the repository's root less .dockerignore — holds no secret, local data, dependency or build, yet everything the
// Dockerfiles copy from it; and the stage that runs holds only its unit's code, its build and the production
// dependencies, yet every file its process imports or reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from '@balena/dockerignore';
import ts from 'typescript';
import { teams } from '../../shared/teams.js';
import { manifests, REPO_ROOT, TSX_PACKAGES, units, type Unit } from './manifests.js';

const generated = manifests();
const dockerfiles = [...units.map((u) => `deploy/${u.name}/Dockerfile`), 'deploy/edge/Dockerfile'];
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** Whatever a developer or the production scripts may leave in the working tree: none may reach an image. */
const LOCAL_FILES = [
  'deploy/.env',
  '.env',
  'foo/.env',
  'services/checkout/.env.local',
  'root-config/production.env',
  '.data/deploy-tokens.json',
  '.data/prod/tls/key.pem',
  '.data/prod/tls/cert.pem',
  '.data/prod/postgres/base/1/1259',
  'platform/.data/importmap/PG_VERSION',
  'platform/.data/deploy-tokens.json',
  'platform/.data/assets/checkout/abc123/tractor-checkout.js',
  'services/checkout/.data/pgdata/base/1',
  'services/explore/.data/PG_VERSION',
  'deploy-tokens.json',
  'server.key',
  'deploy/tls/shop.crt',
  'certs/client.p12',
  'id_ed25519',
  '.npmrc',
  'npm-debug.log',
  'root-config/gateway.log',
  '.git/config',
  '.git/objects/pack/pack-1.pack',
  'node_modules/x/index.js',
  'services/checkout/node_modules/x/index.js',
  'root-config/dist/index.html',
  'microfrontends/checkout/dist/manifest.json',
  'test-results/run/trace.zip',
  'e2e/playwright-report/index.html',
  '.bench/results.json',
  'scripts/prod/manifests.tmp.ts',
];

const trackedFiles = () =>
  execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);

/**
 * The context's filter for a Dockerfile: BuildKit takes <Dockerfile>.dockerignore beside it if there is one,
 * otherwise the context root's .dockerignore.
 */
function contextFilter(dockerfile: string) {
  const own = `${dockerfile}.dockerignore`;
  return ignore().add(read(existsSync(path.join(REPO_ROOT, own)) ? own : '.dockerignore'));
}

interface Copy {
  readonly from?: string;
  readonly sources: readonly string[];
  readonly destination: string;
}
interface Stage {
  readonly name?: string;
  readonly copies: Copy[];
  readonly runs: string[];
}

/** The stages of one of our generated Dockerfiles (one instruction a line, COPY in its shell form). */
function stagesOf(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of dockerfile.split('\n')) {
    const [instruction, ...args] = line.trim().split(/\s+/);
    if (instruction === 'FROM') stages.push({ name: args[2], copies: [], runs: [] });
    const stage = stages.at(-1);
    if (instruction === 'RUN') stage?.runs.push(args.join(' '));
    if (instruction === 'COPY') {
      const paths = args.filter((a) => !a.startsWith('--'));
      const from = args.find((a) => a.startsWith('--from='))?.slice('--from='.length);
      stage?.copies.push({
        ...(from ? { from } : {}),
        sources: paths.slice(0, -1),
        destination: paths.at(-1)!,
      });
    }
  }
  return stages;
}

const runtimeStage = (file: string) => stagesOf(read(file)).at(-1)!;
/** What the stage that runs copies from the build stage, as paths in the repository. */
const copiedFromBuild = (file: string) =>
  runtimeStage(file)
    .copies.filter((c) => c.from === 'build')
    .flatMap((c) => c.sources.map((s) => path.posix.relative('/app', s)));
/** Whether a repository path is one of `paths` or inside one ('' is the whole repository). */
const within = (file: string, paths: readonly string[]) =>
  paths.some((p) => p === '' || file === p || file.startsWith(`${p}/`));

/** A file no image may hold, whoever commits or leaves it: an environment file, a key, local data. */
const SECRET_SHAPED =
  /(^|\/)(\.env|\.env\.(?!example$)[^/]+|[^/]+\.(env|pem|key|p12|pfx|crt)|id_(rsa|ecdsa|ed25519)[^/]*|\.npmrc)$|(^|\/)\.data\//;

test('no secret, local data, dependency or build is in any image build context', () => {
  assert.ok(
    !Object.keys(generated).some((f) => f.endsWith('.dockerignore') && f !== '.dockerignore'),
    'one .dockerignore, at the context root, for every image',
  );
  const tracked = trackedFiles();
  for (const dockerfile of dockerfiles) {
    const context = contextFilter(dockerfile);
    assert.deepEqual(
      context
        .filter([...tracked, ...LOCAL_FILES])
        .filter((f) => LOCAL_FILES.includes(f) || SECRET_SHAPED.test(f)),
      [],
      `${dockerfile}: its build context holds them`,
    );
  }
});

test('everything the Dockerfiles copy from the build context is in it (the ignore file is not too broad)', () => {
  const tracked = trackedFiles();
  for (const dockerfile of dockerfiles) {
    const context = contextFilter(dockerfile);
    for (const copy of stagesOf(read(dockerfile)).flatMap((s) => s.copies.filter((c) => !c.from))) {
      for (const source of copy.sources) {
        // The whole repository (the build stage's sources): every file in git, .env.example too.
        const files = source === '.' ? tracked : [source];
        for (const file of files) {
          assert.ok(!context.ignores(file), `${dockerfile} copies ${file}, which the context leaves out`);
          assert.ok(
            file in generated || tracked.includes(file),
            `${dockerfile} copies ${file}: in the repository`,
          );
        }
      }
    }
  }
});

test('the stage that runs copies only its unit’s code and build: no whole /app, no scripts, e2e, deploy or other team', () => {
  for (const unit of units) {
    const file = `deploy/${unit.name}/Dockerfile`;
    const stage = runtimeStage(file);
    for (const copy of stage.copies)
      assert.ok(
        copy.from,
        `${file}: the image takes nothing from the build context (${copy.sources.join(' ')})`,
      );
    const copied = copiedFromBuild(file);
    assert.deepEqual(copied, [...unit.runs], file);
    const others = teams
      .filter((t) => t.name !== unit.name)
      .flatMap((t) => [`services/${t.name}`, `microfrontends/${t.name}`]);
    for (const source of copied) {
      assert.ok(!['', '.', '..'].includes(source) && !source.startsWith('../'), `${file} copies all of /app`);
      assert.ok(
        !within(source, ['scripts', 'e2e', 'deploy', 'mocks', 'node_modules', ...others]),
        `${file} copies ${source}`,
      );
    }
    assert.deepEqual(
      stage.copies.filter((c) => c.from !== 'build'),
      [{ from: 'runtime-deps', sources: ['/app/node_modules'], destination: 'node_modules' }],
      `${file}: the dependencies come from the production install`,
    );
  }
  // The edge: nginx, the shell's build and the generated configuration, nothing else.
  assert.deepEqual(runtimeStage('deploy/edge/Dockerfile').copies, [
    { from: 'build', sources: ['/app/root-config/dist'], destination: '/srv/shell' },
    { sources: ['deploy/edge/nginx.conf'], destination: '/etc/nginx/nginx.conf' },
  ]);
});

/** The modules a file imports when it runs: `import type` and `export type` are erased. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

const RESOLUTION: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
};
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The repository's file an import names, or undefined for an installed package's. */
function repositoryModule(specifier: string, importer: string): string | undefined {
  const resolved = ts.resolveModuleName(specifier, importer, RESOLUTION, ts.sys).resolvedModule
    ?.resolvedFileName;
  if (!resolved || path.relative(REPO_ROOT, resolved).split(path.sep).includes('node_modules'))
    return undefined;
  // A JavaScript module with its types beside it (shared/teams.js): the module is what runs.
  const javascript = resolved.replace(/\.d\.ts$/, '.js');
  return existsSync(javascript) ? javascript : resolved;
}

/**
 * The repository's files a unit's process loads (from its entry, through the workspaces), and the packages it
 * imports, each with the folder of a file importing it (where Node looks it up from).
 */
function loadedBy(unit: Unit): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [path.join(REPO_ROOT, unit.entry)];
  for (let file = queue.pop(); file; file = queue.pop()) {
    const relative = path.relative(REPO_ROOT, file);
    if (files.has(relative)) continue;
    files.add(relative);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('node:')) continue;
      const module = repositoryModule(specifier, file);
      if (module) queue.push(module);
      else packages.set(packageName(specifier), path.dirname(relative));
    }
  }
  return { files, packages };
}

/** Beside the modules, what a unit reads or runs from the repository (chassis/run.ts, platform/server.ts). */
const READS: Readonly<Record<string, readonly string[]>> = {
  gateway: ['platform/importmap/migrations', 'root-config/dist/index.html', 'root-config/dist/platform.json'],
  ...Object.fromEntries(
    teams.map((t) => [
      t.name,
      // Its builds' renderers run in workers started from this file (chassis/builds.ts).
      [`services/${t.name}/migrations`, 'chassis/render-worker.js'],
    ]),
  ),
};

test('the stage that runs holds every file its process imports or reads, and tsconfig.json for tsx', () => {
  for (const unit of units) {
    const file = `deploy/${unit.name}/Dockerfile`;
    const copied = copiedFromBuild(file);
    const { files } = loadedBy(unit);
    assert.ok(files.size > 10, `${unit.name}: its imports are followed`);
    for (const needed of [...files, ...(READS[unit.name] ?? []), 'package.json', 'tsconfig.json'])
      assert.ok(within(needed, copied), `${file}: the image lacks ${needed}`);
  }
});

interface LockEntry {
  readonly dev?: boolean;
  readonly os?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}
const lockPackages = () =>
  (JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> }).packages;

/** Where npm installed the package `name` as Node finds it from the folder `from` (both as the lock names them). */
function installedFor(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = path.posix.dirname(dir)) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (path.posix.basename(dir) !== 'node_modules' && packages[candidate]) return candidate;
    if (dir === '.') return undefined;
  }
}

test('the production install holds every package a unit imports; tsx and what it needs on Linux come beside it', () => {
  const packages = lockPackages();
  for (const unit of units) {
    for (const [name, from] of loadedBy(unit).packages) {
      const installed = installedFor(packages, from, name);
      assert.ok(installed, `${unit.name} imports ${name}: it is installed`);
      assert.ok(!packages[installed]?.dev, `${unit.name} imports ${name}, a devDependency: not in its image`);
    }
  }
  // tsx runs every unit: what a production install leaves out of it must be copied in (a scope's folder holds
  // whichever platform build npm chose).
  const added = TSX_PACKAGES.map((p) => `node_modules/${p}`);
  for (const unit of units) {
    const file = `deploy/${unit.name}/Dockerfile`;
    const runtimeDeps = stagesOf(read(file)).find((s) => s.name === 'runtime-deps');
    assert.ok(
      runtimeDeps?.runs.some((r) => /^npm ci .*--omit=dev/.test(r)),
      `${file}: a production install`,
    );
    assert.deepEqual(
      runtimeDeps?.copies.filter((c) => c.from === 'deps').map((c) => c.destination),
      added,
      `${file}: tsx beside the production install`,
    );
  }
  const needed = new Set<string>();
  const queue = ['node_modules/tsx'];
  for (let at = queue.pop(); at; at = queue.pop()) {
    const entry = packages[at];
    if (needed.has(at) || !entry || (entry.os && !entry.os.includes('linux'))) continue;
    needed.add(at);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const installed = installedFor(packages, at, name);
      if (installed) queue.push(installed);
    }
  }
  for (const at of needed)
    if (packages[at]?.dev)
      assert.ok(within(at, added), `tsx needs ${at}, which the production install leaves out`);
});
