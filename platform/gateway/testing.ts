// What the gateway's tests share: a world to build a gateway in (a build folder with a page template and the
// platform's entries, an asset store's folder, a migrated import map database), and a one-file build of a team
// published and deployed through the gateway's own API.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { migrate, type Database } from '@tractor/chassis';
import { openTestDatabase } from '@tractor/chassis/testing';
import { integrityOf } from '../importmap/assets.js';

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
