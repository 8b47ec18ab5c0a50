// One release per team on the production topology: a deploy and a rollback switch every replica's server
// render together with the browser modules, with no restart of anything. (Files run in name order: this one
// before faults.spec.ts, whose last test leaves PostgreSQL stopped.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRelease, deploy, preview, rollback } from '../../scripts/deploy-client.js';
import { prodPorts } from '../../scripts/prod/ports.js';
import { labelledBuild } from '../../scripts/stack.js';
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
  const changed = labelledBuild('decide', 'release-test');
  const { dist } = changed;
  try {
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
    changed.remove();
  }
});

test('a preview through the production edge: a Secure cookie for one browser, the candidate on every replica', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const changed = labelledBuild('decide', 'preview-test');
  const { dist } = changed;
  try {
    const tokens = JSON.parse(readFileSync(path.join(PROD_DATA_DIR, 'deploy-tokens.json'), 'utf8')) as {
      decide: string;
    };
    const target = { origin: `http://127.0.0.1:${ports.internal}`, token: tokens.decide };
    expect(await checkRelease(target, dist)).toEqual({ ok: true, problems: [] });
    const { preview: offered } = await preview(target, dist);

    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${EDGE}${offered.link}`);
    const cookie = (await context.cookies()).find((c) => c.name === 'tractor-preview-decide');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    // The deploy API had one Decide replica load the candidate; the other loads it when a page first asks
    // (replicas follow the live build, not previews), and that page is the browser's. Ask a few times first.
    for (let i = 0; i < 6; i++) await page.goto(`${EDGE}/product/CL-01`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Then every page: each gateway replica honours the cookie, each Decide replica renders the candidate.
    for (let i = 0; i < 6; i++) {
      const response = await page.goto(`${EDGE}/product/CL-01`);
      expect(response!.headers()['tractor-preview']).toBe(`decide=${offered.build}`);
      const html = await response!.text();
      expect(unrenderedParts(html)).toEqual([]);
      expect(html).toContain(`/assets/decide/${offered.build}/`);
    }
    const everyoneElse = await (await fetch(`${EDGE}/product/CL-01`)).text();
    expect(everyoneElse).not.toContain(offered.build);
    await context.close();
  } finally {
    changed.remove();
  }
});
