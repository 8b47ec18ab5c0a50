// The root config's build: the shell module, the shared modules built from our sources (zod/mini subset,
// pattern library), the served npm packages, the CDN's images and fonts, the page template (index.html) and
// platform.json — the platform's own import-map entries with their integrity, and the modules every page
// preloads. The gateway renders the page per request from these and the teams' live entries.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import CopyPlugin from 'copy-webpack-plugin';
import webpack from 'webpack';
import { merge } from 'webpack-merge';
import { tractorWebpackConfig } from '../webpack.config.base.js';
import { integrityOf } from '../webpack.manifest.js';
import { sharedBuilds } from '../shared-dependencies.js';
import { CdnPlugin } from '../platform/pictures/cdn-plugin.js';
import { preloadGraph, sharedPackageCopies, sharedPackageImports, shellScriptUrl } from './importmap.js';

const repoRoot = path.join(import.meta.dirname, '..');
// Packages every page needs: preloaded so the browser fetches them in parallel, not one import at a time.
const PRELOAD_PACKAGES = ['single-spa', 'single-spa-layout'];

/** The page template, with the parts known at build time filled in. */
function pageTemplate() {
  const values = {
    SHELL_CSS: readFileSync(path.join(import.meta.dirname, 'src/shell.css'), 'utf8'),
  };
  // index.html marks each generated part as %NAME% (or <!-- %NAME% --> where a comment keeps it valid HTML).
  // The parts not filled here are the gateway's, per request (server/shell.ts).
  return readFileSync(path.join(import.meta.dirname, 'src/index.html'), 'utf8').replace(
    /(?:<!-- )?%([A-Z_]+)%(?: -->)?/g,
    (marker, name) => values[name] ?? marker,
  );
}

/**
 * Writes index.html and platform.json once every file has its final name and bytes (after minification and
 * the real content hashes), and marks them minimized: the per-request markers must survive as written.
 */
class ShellPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ShellPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ShellPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const fileOf = (entry) =>
            `/${compilation.entrypoints
              .get(entry)
              .getFiles()
              .find((f) => f.endsWith('.js'))}`;
          const imports = {
            ...sharedPackageImports(),
            ...Object.fromEntries(
              sharedBuilds.flatMap((b) =>
                b.specifiers.map((specifier) => [specifier, fileOf(`shared/${b.name}`)]),
              ),
            ),
            '@tractor/root-config': fileOf('tractor-root-config'),
            '@tractor/root-config/mocks': fileOf('tractor-root-config-mocks'),
            '@tractor/root-config/devtools': fileOf('tractor-root-config-devtools'),
            '@tractor/root-config/signals': fileOf('tractor-root-config-signals'),
          };
          const preloads = [
            imports['@tractor/root-config'],
            imports['lit'],
            imports['zod/mini'],
            imports['@tractor/shared/ui'],
            ...preloadGraph(PRELOAD_PACKAGES, imports),
          ];
          // Integrity for every module we build, every module a page preloads and the field signals' library.
          // (Not for each of the ~100 files of the npm packages: the map is inlined into every page, and a hash
          // does not compress.)
          const ownModules = Object.keys(assets).filter(
            (f) => f.endsWith('.js') && !f.startsWith('shared/npm/'),
          );
          const integrity = Object.fromEntries(
            [...new Set([...ownModules.map((f) => `/${f}`), ...preloads, imports['web-vitals/attribution']])]
              .sort()
              .map((url) => [url, integrityOf(assets[url.slice(1)].buffer())]),
          );
          // The developer tools' classic scripts (import-map-injector, import-map-overrides): developer pages only.
          const devtools = { injector: shellScriptUrl('injector'), overrides: shellScriptUrl('overrides') };
          const platform = { imports, integrity, preloads, devtools };
          compilation.emitAsset(
            'platform.json',
            new webpack.sources.RawSource(`${JSON.stringify(platform, null, 2)}\n`),
            { minimized: true },
          );
          compilation.emitAsset('index.html', new webpack.sources.RawSource(pageTemplate()), {
            minimized: true,
          });
        },
      );
    });
  }
}

/** What the gateway (and nginx) serve pre-compressed: every text file, as .br and .gz beside it. */
class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PrecompressPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const file of Object.keys(assets).filter((f) => /\.(js|svg|css)$/.test(f))) {
            const bytes = assets[file].buffer();
            if (bytes.length < 512) continue;
            const info = { minimized: true, development: true };
            compilation.emitAsset(
              `${file}.br`,
              new webpack.sources.RawSource(brotliCompressSync(bytes)),
              info,
            );
            compilation.emitAsset(
              `${file}.gz`,
              new webpack.sources.RawSource(gzipSync(bytes, { level: 9 })),
              info,
            );
          }
        },
      );
    });
  }
}

export default (_env, argv) => {
  const base = tractorWebpackConfig({ name: 'root-config', dirname: import.meta.dirname, port: 9000 }, argv);
  const production = base.mode === 'production';
  return merge(base, {
    entry: {
      ...Object.fromEntries(sharedBuilds.map((b) => [`shared/${b.name}`, path.join(repoRoot, b.source)])),
      // Loaded only in mock mode, and only for developers, by their import-map names.
      'tractor-root-config-mocks': path.join(import.meta.dirname, 'src/mock-mode.ts'),
      'tractor-root-config-devtools': path.join(import.meta.dirname, 'src/devtools.ts'),
      // Field signals: loaded once the page works (tractor-root-config.ts), in the page views it samples.
      'tractor-root-config-signals': path.join(import.meta.dirname, 'src/field-signals.ts'),
    },
    output: {
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
    },
    plugins: [
      new CopyPlugin({ patterns: sharedPackageCopies() }),
      new CdnPlugin(),
      new ShellPlugin(),
      ...(production ? [new PrecompressPlugin()] : []),
    ],
  });
};
