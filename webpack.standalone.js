// What `webpack serve` adds to a team's build: the team's standalone page. It serves everything the page needs
// from its own origin — shared libraries from node_modules, the shared builds (zod/mini subset, pattern library,
// msw), our images and fonts, msw's worker script — plus the team's bundle and its mocks. Other teams' modules
// come from the full store (STORE_URL, default http://localhost:3000) when it runs — the page reads the store's
// live import map — and their APIs are proxied there.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { sharedBuilds, sharedPackages } from './shared-dependencies.js';
import { cdnFiles } from './platform/pictures/images.js';
import { PICTURE_PREFIX } from './shared/pictures.js';
import { packageDir, packageUrl, sharedPackageImports, TEAMS } from './root-config/importmap.js';

const repoRoot = import.meta.dirname;

/**
 * @param {object} options
 * @param {string} options.name   the team
 * @param {number} options.port   the dev server's port
 * @param {{ name: string, path: string, label: string, exact?: boolean, example?: string }[]} options.pages
 */
export function standaloneConfig({ name: team, port, pages }) {
  const storeOrigin = process.env.STORE_URL ?? 'http://localhost:3000';
  const others = TEAMS.filter((t) => t !== team);
  const imports = {
    ...sharedPackageImports(),
    ...Object.fromEntries(sharedBuilds.flatMap((b) => b.specifiers.map((s) => [s, `/shared/${b.name}.js`]))),
    [`@tractor/${team}`]: `/tractor-${team}.js`,
    [`@tractor/${team}/mocks`]: `/tractor-${team}-mocks.js`,
  };
  let images; // rendered on the first picture asked for
  // The page's only inline script and style, written here, so the page's CSP can allow exactly them by hash.
  const style = ['root-config/src/shell.css', 'shared/dev/standalone.css']
    .map((file) => readFileSync(path.join(repoRoot, file), 'utf8'))
    .join('\n');
  const importMap = JSON.stringify({ imports }, null, 2);
  const policy = standalonePolicy({ port, storeOrigin, inline: { script: importMap, style } });
  return {
    entry: {
      standalone: path.join(repoRoot, 'shared/dev/standalone.ts'),
      ...Object.fromEntries(sharedBuilds.map((b) => [`shared/${b.name}`, path.join(repoRoot, b.source)])),
    },
    plugins: [
      new HtmlWebpackPlugin({
        inject: false,
        templateContent: () =>
          readFileSync(path.join(repoRoot, 'shared/dev/standalone.html'), 'utf8').replace(
            /<!-- %([A-Z_]+)% -->|%([A-Z_]+)%/g,
            (m, comment, plain) => {
              const key = comment ?? plain;
              const values = {
                TITLE: `${team} · standalone · The Tractor Store`,
                // Whole elements: their text must be exactly what the policy hashed.
                STYLE: `<style>${style}</style>`,
                IMPORT_MAP: `<script type="importmap">${importMap}</script>`,
                CONFIG: JSON.stringify({ team, pages, storeOrigin }),
              };
              return values[key] ?? m;
            },
          ),
      }),
    ],
    devServer: {
      port,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
      },
      // Page URLs (/products/classic, /product/CL-01, ...) get the standalone page.
      historyApiFallback: { disableDotRule: true, index: '/index.html' },
      static: [
        ...[...sharedPackages.map((p) => p.name), '@single-spa/import-map-injector'].map((name) => ({
          directory: packageDir(name),
          publicPath: packageUrl(name),
          watch: false,
        })),
        {
          directory: path.join(repoRoot, 'node_modules/@fontsource/inter/files'),
          publicPath: '/cdn/fonts',
          watch: false,
        },
      ],
      // Other teams' APIs, for their real fragments: the full store answers (this team's API is mocked).
      proxy: [{ context: others.map((t) => `/${t}/api`), target: storeOrigin, changeOrigin: true }],
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app.get('/mockServiceWorker.js', (_request, response) =>
          response.sendFile(path.join(repoRoot, 'node_modules/msw/lib/mockServiceWorker.js')),
        );
        devServer.app.get(`${PICTURE_PREFIX}*`, (request, response, next) => {
          images ??= cdnFiles();
          images.then((files) => {
            const file = request.path.slice(PICTURE_PREFIX.length);
            const content = files.get(file);
            if (!content) return next();
            response.type(path.extname(file)).send(content);
          }, next);
        });
        return middlewares;
      },
      // The bundle may run on another origin (the store, through an import-map override): live reload
      // connects back here.
      client: { webSocketURL: `ws://localhost:${port}/ws`, overlay: { warnings: false } },
    },
    infrastructureLogging: { level: 'warn' },
  };
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The standalone page's CSP, as strict as the store's: scripts and styles from here and the running store's
 * modules, the inline import map and style by hash, no eval; live reload's socket.
 */
function standalonePolicy({ port, storeOrigin, inline }) {
  const store = new URL(storeOrigin).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${store} ${sha256(inline.script)}`,
    `style-src 'self' ${sha256(inline.style)}`,
    "img-src 'self' data:",
    `connect-src 'self' ${store} ws://localhost:${port}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
