// The root config's build: the shell module, the shared modules built from our sources (zod/mini subset,
// pattern library), the served npm packages, the CDN's images and fonts, and index.html with the maps.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import CopyPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { merge } from 'webpack-merge';
import { tractorWebpackConfig } from '../webpack.config.base.js';
import { sharedBuilds } from '../shared-dependencies.js';
import { teams } from '../shared/teams.js';
import { CdnPlugin, FONT_FILES } from './cdn/cdn-plugin.js';
import {
  preloadGraph,
  sharedPackageCopies,
  sharedPackageImports,
  shellScriptUrl,
  teamModules,
} from './importmap.js';

const repoRoot = path.join(import.meta.dirname, '..');
// Modules every page needs: preloaded so the browser fetches them in parallel, not one import at a time.
const PRELOAD_PACKAGES = ['single-spa', 'single-spa-layout', 'lit', '@lit/task'];
// Teams whose fragments appear on every page (the header, the mini cart).
const PRELOAD_TEAMS = teams.filter((t) => t.fragments.length > 0).map((t) => `@tractor/${t.name}`);

export default (_env, argv) => {
  const base = tractorWebpackConfig({ name: 'root-config', dirname: import.meta.dirname, port: 9000 }, argv);
  const production = base.mode === 'production';
  return merge(base, {
    entry: {
      ...Object.fromEntries(sharedBuilds.map((b) => [`shared/${b.name}`, path.join(repoRoot, b.source)])),
      // Loaded only in mock mode, and only for developers, by their import-map names.
      'tractor-root-config-mocks': path.join(import.meta.dirname, 'src/mock-mode.ts'),
      'tractor-root-config-devtools': path.join(import.meta.dirname, 'src/devtools.ts'),
    },
    output: {
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
    },
    plugins: [
      new CopyPlugin({ patterns: sharedPackageCopies() }),
      new CdnPlugin(),
      new HtmlWebpackPlugin({
        inject: false,
        minify: false,
        templateContent: ({ compilation }) => {
          const fileOf = (entry) =>
            `/${compilation.entrypoints
              .get(entry)
              .getFiles()
              .find((f) => f.endsWith('.js'))}`;
          const shared = {
            ...sharedPackageImports(),
            ...Object.fromEntries(
              sharedBuilds.flatMap((b) =>
                b.specifiers.map((specifier) => [specifier, fileOf(`shared/${b.name}`)]),
              ),
            ),
            '@tractor/root-config': fileOf('tractor-root-config'),
            '@tractor/root-config/mocks': fileOf('tractor-root-config-mocks'),
            '@tractor/root-config/devtools': fileOf('tractor-root-config-devtools'),
          };
          const preloads = [
            shared['@tractor/root-config'],
            shared['zod/mini'],
            shared['@tractor/shared/ui'],
            ...preloadGraph(PRELOAD_PACKAGES, shared),
            ...PRELOAD_TEAMS.map((t) => teamModules[t]),
          ];
          const lines = (urls, tag) => urls.map(tag).join('\n    ');
          const values = {
            SHELL_CSS: readFileSync(path.join(import.meta.dirname, 'src/shell.css'), 'utf8'),
            SHARED_IMPORT_MAP: JSON.stringify({ imports: shared }, null, 2),
            TEAM_IMPORT_MAP: JSON.stringify({ imports: teamModules }, null, 2),
            INJECTOR_URL: shellScriptUrl('injector'),
            OVERRIDES_URL: shellScriptUrl('overrides'),
            MODULE_PRELOADS: lines(preloads, (url) => `<link rel="modulepreload" href="${url}" />`),
            FONT_PRELOADS: lines(
              FONT_FILES.map((f) => `/cdn/fonts/${f}`),
              (url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin />`,
            ),
          };
          // index.html marks each generated part as %NAME% (or <!-- %NAME% --> where a comment keeps it valid HTML).
          return readFileSync(path.join(import.meta.dirname, 'src/index.html'), 'utf8').replace(
            /(?:<!-- )?%([A-Z_]+)%(?: -->)?/g,
            (marker, name) => values[name] ?? marker,
          );
        },
      }),
    ],
  });
};
