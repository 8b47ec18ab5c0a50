// One release per team on the production topology: a deploy and a rollback switch every replica's server
// render together with the browser modules, with no restart of anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy, rollback } from '../../scripts/deploy-client.js';
import { prodPorts } from '../../scripts/prod/ports.js';
import { PROD_DATA_DIR, PROD_PORT } from '../playwright.prod.config.js';
import { expect, STORE_PAGES, test, unrenderedParts } from '../tests/fixtures.js';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
const EDGE = `https://localhost:${PROD_PORT}`;
const ports = prodPorts(PROD_PORT, 2);
const repoRoot = path.join(import.meta.dirname, '../..');

/** Whether a replica of Decide's service has `build` loaded: asked without its bundle, it can render only then. */
const loadedOn = async (port: number, build: string) =>
  (await fetch(`http://127.0.0.1:${port}/decide/render/page/product?url=%2Fproduct%2FCL-01&build=${build}`))
    .status === 200;

/** Waits until both Decide replicas have `build`, then checks every page through the edge, twice each. */
async function expectServerRendered(build: string, when: string) {
  await expect
    .poll(async () => Promise.all(ports.team('decide').map((port) => loadedOn(port, build))), {
      message: `${when}: both Decide replicas load build ${build}`,
      timeout: 10_000,
    })
    .toEqual([true, true]);
  for (const [url] of [...STORE_PAGES, ...STORE_PAGES]) {
    const html = await (await fetch(`${EDGE}${url}`)).text();
    expect(unrenderedParts(html), `${when}: ${url}`).toEqual([]);
    expect(html, url).toContain(`/assets/decide/${build}/`);
  }
}

test('a deploy and a rollback switch browser modules and server render on every replica, with no restart', async () => {
  test.setTimeout(180_000);
  const dist = mkdtempSync(path.join(os.tmpdir(), 'decide-release-'));
  try {
    const made = spawnSync('npx', ['webpack', '--mode', 'production', '--output-path', dist], {
      cwd: path.join(repoRoot, 'microfrontends/decide'),
      env: { ...process.env, TRACTOR_BUILD_LABEL: 'release-test' },
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const tokens = JSON.parse(readFileSync(path.join(PROD_DATA_DIR, 'deploy-tokens.json'), 'utf8')) as {
      decide: string;
    };
    const target = { origin: `http://127.0.0.1:${ports.internal}`, token: tokens.decide };

    const before = (await deploy(target, path.join(repoRoot, 'microfrontends/decide/dist'))).deployment;
    const { deployment } = await deploy(target, dist);
    expect(deployment.server?.url).toMatch(
      new RegExp(`^/assets/decide/${deployment.build}/tractor-decide-ssr\\.`),
    );
    await expectServerRendered(deployment.build, 'after the deploy');

    const back = await rollback(target, 'decide');
    expect(back.build).toBe(before.build);
    await expectServerRendered(back.build, 'after the rollback');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
