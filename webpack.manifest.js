// What a team's production build publishes: every file content-hashed, plus dist/manifest.json saying what the
// build is — team, version (package version + git commit), build id, build time, the import-map entries it
// provides (relative to the build's folder in the asset store), its server renderer's file, and the sha384
// integrity of every file.
// The deploy command uploads the files to /assets/<team>/<build>/ and sends the entries and integrity to the
// import map service, which checks them against the stored files before the map changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { releaseSurface } from './scripts/release-surface.js';

export const MANIFEST = 'manifest.json';

/** "sha384-<base64>" of some bytes: the format of import maps' and <link>'s integrity. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The commit the build was made from: "ea5edab", with ".dirty" when the team's folder has local changes. */
function commitOf(dirname) {
  const git = (...args) =>
    execFileSync('git', args, { cwd: dirname, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  try {
    const commit = git('rev-parse', '--short=7', 'HEAD');
    return git('status', '--porcelain', '--', '.') ? `${commit}.dirty` : commit;
  } catch {
    return 'unversioned';
  }
}

/**
 * The build's version: "<package version>+<commit>", and ".<label>" when TRACTOR_BUILD_LABEL is set
 * (a canary, or the e2e test's changed build).
 */
export function buildVersion(dirname) {
  const { version } = JSON.parse(readFileSync(path.join(dirname, 'package.json'), 'utf8'));
  const label = buildLabel();
  return `${version}+${commitOf(dirname)}${label ? `.${label}` : ''}`;
}

/** TRACTOR_BUILD_LABEL, reduced to the characters a semver build identifier may hold; '' when unset. */
export const buildLabel = () => (process.env.TRACTOR_BUILD_LABEL ?? '').replace(/[^0-9A-Za-z-]/g, '-');

export class ManifestPlugin {
  /** @param {{ team: string, version: string, srcDir: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ManifestPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const { team, version } = this.options;
          const files = Object.fromEntries(
            Object.keys(assets)
              .sort()
              .map((file) => [file, integrityOf(assets[file].buffer())]),
          );
          // The build's id: a hash of every file's name and content, so the same sources give the same id.
          const build = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12);
          const entryFile = (name) =>
            compilation.entrypoints
              .get(name)
              ?.getFiles()
              .find((f) => f.endsWith('.js'));
          const imports = {};
          for (const [name, specifier] of [
            [`tractor-${team}`, `@tractor/${team}`],
            [`tractor-${team}-mocks`, `@tractor/${team}/mocks`],
          ]) {
            const file = entryFile(name);
            if (file) imports[specifier] = file;
          }
          // The team's server renderer (its ssr.ts), if it has one: published with the build, never mapped.
          const server = entryFile(`tractor-${team}-ssr`);
          const manifest = {
            team,
            version,
            build,
            builtAt: new Date().toISOString(),
            imports,
            ...(server ? { server } : {}),
            // What the build provides to the other teams and uses of them, for the gate against what is live.
            surface: releaseSurface(team, this.options.srcDir),
            files,
          };
          compilation.emitAsset(
            MANIFEST,
            new webpack.sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`),
          );
        },
      );
    });
  }
}
