// What the gateway's tests share: a world to build a gateway in (a build folder with a page template and the
// platform's entries, an asset store's folder, a migrated import map database), a one-file build of a team
// published and deployed through the gateway's own API, and the page tests' world: a gateway in front of
// Explore's service.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { migrate, type Database } from '@tractor/chassis';
import { openTestDatabase } from '@tractor/chassis/testing';
import { integrityOf } from '../importmap/assets.js';
import { DeployTokens } from '../importmap/tokens.js';
import { buildGateway, type GatewayOptions } from './gateway.js';

/** A layout with nothing but the default route: enough for a gateway whose pages a test does not look at. */
export const EMPTY_LAYOUT = `<!doctype html><html><head></head><body><template id="single-spa-layout"><single-spa-router>
<route default></route></single-spa-router></template></body></html>`;

export interface GatewayWorld {
  readonly dist: string;
  readonly assetDir: string;
  readonly db: Database;
  close(): Promise<void>;
}

/** A build folder with `template` as its index.html, an empty asset store, an import map database. */
export async function gatewayWorld(template = EMPTY_LAYOUT): Promise<GatewayWorld> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'gateway-'));
  const assetDir = mkdtempSync(path.join(os.tmpdir(), 'gateway-assets-'));
  writeFileSync(path.join(dist, 'index.html'), template);
  writeFileSync(
    path.join(dist, 'platform.json'),
    JSON.stringify({
      imports: { '@tractor/root-config': '/tractor-root-config.0123abcd.js' },
      integrity: { '/tractor-root-config.0123abcd.js': 'sha384-root' },
      preloads: ['/tractor-root-config.0123abcd.js'],
      devtools: { injector: '/injector.js', overrides: '/overrides.js' },
    }),
  );
  const database = await openTestDatabase();
  await migrate(database.db, path.join(import.meta.dirname, '../importmap/migrations'));
  return {
    dist,
    assetDir,
    db: database.db,
    close: async () => {
      await database.close();
      rmSync(dist, { recursive: true, force: true });
      rmSync(assetDir, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes and deploys a build of `team` through `gateway`'s own API: its entry, and a server bundle (so the
 * gateway asks the team's service to render its parts with it). Answers the entry's URL and integrity.
 */
export async function deployBuild(gateway: FastifyInstance, team: string, build: string, token: string) {
  const authorization = `Bearer ${token}`;
  const publish = async (file: string, text: string) => {
    const bytes = Buffer.from(text);
    const put = await gateway.inject({
      method: 'PUT',
      url: `/importmap/assets/${team}/${build}/${file}`,
      headers: { authorization, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    assert.equal(put.statusCode, 201, put.body);
    return { url: `/assets/${team}/${build}/${file}`, integrity: integrityOf(bytes) };
  };
  const entry = await publish(`tractor-${team}.${build.slice(0, 8)}.js`, `export const build = '${build}';`);
  const server = await publish(`tractor-${team}-ssr.${build.slice(0, 8)}.js`, `export default {};`);
  const deployed = await gateway.inject({
    method: 'PUT',
    url: `/importmap/deployments/${team}`,
    headers: { authorization, 'if-match': '*' },
    payload: {
      version: '1.0.0',
      build,
      imports: { [`@tractor/${team}`]: entry.url },
      integrity: { [entry.url]: entry.integrity },
      server,
    },
  });
  assert.equal(deployed.statusCode, 201, deployed.body);
  return { ...entry, server };
}

/**
 * A shell template as the root config's build makes it, cut down to `routes` (the <route> lines inside <main>,
 * after Explore's header) and the gateway's per-request markers.
 */
export const layoutTemplate = (routes: readonly string[]) => `<!doctype html><html><head><title>shell</title>
<!-- %HEAD_META% -->
<!-- %IMPORT_MAPS% -->
</head>
<body>
<template id="single-spa-layout"><single-spa-router>
  <explore-header></explore-header>
  <main>
${routes.map((route) => `    ${route}`).join('\n')}
  </main>
</single-spa-router></template>
<!-- %MODULE_PRELOADS% -->
<!-- %BOOT% -->
</body></html>`;

/** The layout's default route: its "Page not found". */
export const NOT_FOUND_ROUTE =
  '<route default><section class="shell-screen"><h1>Page not found</h1></section></route>';

/** The layout of the page tests: Explore's header around a page per route, and the default route's 404. */
const PAGE_LAYOUT = layoutTemplate([
  '<route path="/product/:id" exact><application name="@tractor/decide/product"></application></route>',
  '<route path="/" exact><application name="@tractor/explore/home"></application></route>',
  NOT_FOUND_ROUTE,
]);

/** Each team's deploy token in the tests' worlds. */
export const TOKENS = { explore: 'e', decide: 'd', checkout: 'c' } as const;
type Team = keyof typeof TOKENS;

export interface PageWorld extends GatewayWorld {
  /** A gateway in front of `explore` and of a Decide whose service is down. */
  readonly gateway: FastifyInstance;
  /** Explore's service: an API route, and its render routes (see pageWorld). */
  readonly explore: FastifyInstance;
  /** Its origin. */
  readonly exploreOrigin: string;
  /** One more gateway on this world (no team services unless `options` name them); the test closes it. */
  gatewayWith(options?: Partial<GatewayOptions>): Promise<FastifyInstance>;
  /**
   * Makes `build` of `team` live through `gateway`'s API, once per world: a later call answers the first
   * deploy's entry. So each test deploys the builds it needs, whichever test runs first.
   */
  deploy(team: Team, build: string): ReturnType<typeof deployBuild>;
}

/**
 * A world for the page tests: the layout above, a hashed shared file in the build, and a gateway in front of
 * Explore's service, which renders its header (holding Checkout's mini cart) from build aaaaaaaaaaaa and its
 * home page from ffffffffffff — a build that is not live. Nothing is deployed yet.
 */
export async function pageWorld(): Promise<PageWorld> {
  const world = await gatewayWorld(PAGE_LAYOUT);
  mkdirSync(path.join(world.dist, 'shared'));
  writeFileSync(path.join(world.dist, 'shared', 'tractor-ui.0123abcd.js'), 'export {};');
  const tokens = new DeployTokens(TOKENS);
  const gatewayWith = (options: Partial<GatewayOptions> = {}) =>
    buildGateway({
      distDir: world.dist,
      services: {},
      platform: { db: world.db, assetDir: world.assetDir, tokens },
      ...options,
    });

  const explore = Fastify();
  explore.get('/explore/api/stores', async (request) => ({ stores: [], query: request.query }));
  explore.get('/explore/render/fragment/explore-header', async (request) => ({
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: `<template shadowrootmode="open"><a href="/">home</a><checkout-mini-cart></checkout-mini-cart></template><!-- ${JSON.stringify(request.query)} ${request.headers.cookie} -->`,
  }));
  explore.get('/explore/render/page/home', async () => ({
    version: 'ffffffffffff',
    tag: 'explore-home-page',
    inner: '<template shadowrootmode="open">old build</template>',
  }));
  const exploreOrigin = await explore.listen({ port: 0, host: '127.0.0.1' });
  const gateway = await gatewayWith({
    services: { explore: exploreOrigin, decide: 'http://127.0.0.1:9' }, // nothing listens on port 9
  });

  const deployed = new Map<string, ReturnType<typeof deployBuild>>();
  const deploy = (team: Team, build: string) => {
    const key = `${team}/${build}`;
    if (!deployed.has(key)) deployed.set(key, deployBuild(gateway, team, build, TOKENS[team]));
    return deployed.get(key)!;
  };

  return {
    ...world,
    gateway,
    explore,
    exploreOrigin,
    gatewayWith,
    deploy,
    close: async () => {
      await gateway.close();
      await explore.close();
      await world.close();
    },
  };
}

/** Explore's service rendering only its header, which holds Checkout's mini cart. */
export function exploreWithHeader(): FastifyInstance {
  const explore = Fastify();
  explore.get('/explore/render/fragment/explore-header', async () => ({
    version: 'aaaaaaaaaaaa',
    tag: 'explore-header',
    inner: '<template shadowrootmode="open">logo<checkout-mini-cart></checkout-mini-cart>nav</template>',
  }));
  return explore;
}
