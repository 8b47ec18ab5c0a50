// The one webpack factory every micro-frontend (and the root config) merges into its own webpack.config.js.
// A team's config only states what differs: its name, its entry, its dev-server port.
import { existsSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { merge } from 'webpack-merge';
import { buildLabel, buildVersion, ManifestPlugin } from './webpack.manifest.js';
import { isSharedRequest, sharedBuilds } from './shared-dependencies.js';
import { standaloneConfig } from './webpack.standalone.js';
import { teams } from './shared/teams.js';

const repoRoot = import.meta.dirname;

/**
 * Shared libraries come from the import map, except where a shared build is made: the source of the
 * zod/mini module bundles zod/mini, and library code (node_modules) is never split from itself.
 */
function importedFromMap(request, issuer) {
  if (!request || !isSharedRequest(request)) return false;
  if (!issuer || issuer.includes(`${path.sep}node_modules${path.sep}`)) return false;
  return !sharedBuilds.some(
    (b) => b.specifiers.includes(request) && path.join(repoRoot, b.source) === issuer,
  );
}

/** The layer of a team's server entry (src/ssr.ts): its own copy of every module, its own externals. */
export const SERVER_LAYER = 'server';

/**
 * What a server bundle imports rather than holds: Lit and Lit SSR, the platform's runtime on the server as the
 * import map's Lit is in the browser (the service's node_modules, one Lit per build's worker), and Node's own
 * modules. Everything else — the team's code, shared/spa, the pattern library, zod/mini — is inlined, so a
 * build renders with the very code it was built from.
 */
export function fromServerRuntime(request) {
  return Boolean(request && /^(lit|lit-html|lit-element)(\/|$)|^@lit(-labs)?\/|^node:/.test(request));
}

/**
 * @param {object} options
 * @param {string} options.name       module name without scope, e.g. "explore" → file tractor-explore.js
 * @param {string} options.dirname    the package folder (import.meta.dirname of the caller)
 * @param {string} [options.entry]    defaults to src/tractor-<name>.ts
 * @param {number} [options.port]     webpack-dev-server port; a team's defaults to DEV_PORT or its registry entry's
 * @param {{ mode?: string }} [argv]  webpack-cli's argv
 * @param {{ WEBPACK_SERVE?: boolean }} [env] webpack-cli's env: `webpack serve` adds a team's standalone page
 * @returns {import('webpack').Configuration}
 */
export function tractorWebpackConfig(options, argv = {}, env = {}) {
  const team = teams.find((t) => t.name === options.name);
  const port = options.port ?? Number(process.env.DEV_PORT ?? team?.devPort);
  const config = baseConfig({ ...options, port }, argv);
  if (!team) return config;
  if (env.WEBPACK_SERVE) return merge(config, standaloneConfig({ ...options, port, pages: team.pages }));
  return config.mode === 'production' ? merge(config, teamRelease(options)) : config;
}

/**
 * A team's production build is a release: every file content-hashed (it is published once and never changes),
 * and a manifest the deploy command reads. Only a build label (TRACTOR_BUILD_LABEL, e.g. a canary) is compiled
 * in, so the same sources give the same files whatever the commit.
 */
function teamRelease({ name, dirname }) {
  const ssr = path.join(dirname, 'src', 'ssr.ts');
  return {
    // The team's server renderer is part of the release: one build id for everything the team runs in a page.
    entry: existsSync(ssr) ? { [`tractor-${name}-ssr`]: { import: ssr, layer: SERVER_LAYER } } : {},
    output: { filename: '[name].[contenthash:8].js' },
    plugins: [
      new ManifestPlugin({ team: name, version: buildVersion(dirname), srcDir: path.join(dirname, 'src') }),
      new webpack.DefinePlugin({
        __TRACTOR_BUILD_LABEL__: JSON.stringify(buildLabel()),
        // A fault an e2e test plants (shared/spa/build-label.ts): '' in every other build, its code dropped.
        __TRACTOR_TEST_FAULT__: JSON.stringify(process.env.TRACTOR_TEST_FAULT ?? ''),
      }),
    ],
  };
}

function baseConfig(options, argv) {
  const { name, dirname, port } = options;
  const production = (argv.mode ?? process.env.NODE_ENV ?? 'production') === 'production';
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the pages' CSP allows no eval, in development too.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      [`tractor-${name}`]: options.entry ?? path.join(dirname, 'src', `tractor-${name}.ts`),
      // The team's mocked service (src/mocks.ts): a module of its own, loaded only in mock mode and on the
      // standalone page, so msw never reaches the team's bundle.
      ...(existsSync(path.join(dirname, 'src', 'mocks.ts'))
        ? { [`tractor-${name}-mocks`]: path.join(dirname, 'src', 'mocks.ts') }
        : {}),
    },
    output: {
      path: path.join(dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      module: true,
      library: { type: 'module' },
      publicPath: 'auto',
      uniqueName: `tractor-${name}`,
      clean: true,
    },
    target: ['web', 'es2022'],
    resolve: {
      extensions: ['.ts', '.js'],
      // Sources import "./file.js" (the emitted name); resolve it to the .ts file that exists.
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      rules: [
        // A server bundle is one file: what its code imports lazily is in it (a service loads one file a build).
        { issuerLayer: SERVER_LAYER, parser: { dynamicImportMode: 'eager' } },
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { transpileOnly: true, onlyCompileBundledFiles: true },
        },
      ],
    },
    // Shared libraries come from the import map; "module-import" keeps dynamic imports of them chunk-free.
    externalsType: 'module-import',
    externals: [
      ({ request, contextInfo }, callback) =>
        (
          contextInfo?.issuerLayer === SERVER_LAYER
            ? fromServerRuntime(request)
            : importedFromMap(request, contextInfo?.issuer)
        )
          ? callback(null, request)
          : callback(),
    ],
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    devServer: {
      port,
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false } },
    },
  };
}
