// A service renders each build with that build's own code: two builds defining the same element side by side,
// a bundle checked before it runs, a bounded number kept.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BuildError, followLive, WorkerBuilds } from './builds.js';

const sha384 = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** A server bundle defining <test-part> as `words`, rendering it after asking the service's API. */
const bundle = (words: string) => `
import { LitElement, html } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
class Part extends LitElement { render() { return html\`<p>${words}</p>\`; } }
customElements.define('test-part', Part);
export default {
  parts: { pages: ['home'], fragments: [] },
  async render(kind, name, context) {
    if (name !== 'home') return undefined;
    const answer = await context.fetch('/api/who');
    return { tag: 'test-part', inner: collectResultSync(render(html\`<test-part></test-part>\`)) + (await answer.text()) };
  },
};`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'builds-test-'));
const marker = path.join(dir, 'ran');
const files = new Map<string, string>([
  ['/assets/decide/aaaaaaaaaaaa/ssr.js', bundle('build A')],
  ['/assets/decide/bbbbbbbbbbbb/ssr.js', bundle('build B')],
  ['/assets/decide/cccccccccccc/ssr.js', bundle('build C')],
  [
    '/assets/decide/dddddddddddd/ssr.js',
    `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran');`,
  ],
  ['/assets/decide/eeeeeeeeeeee/ssr.js', `throw new Error('broken at import');`],
  ['/assets/explore/ffffffffffff/ssr.js', bundle('Explore’s')],
]);
const ref = (build: string, team = 'decide') => {
  const url = `/assets/${team}/${build}/ssr.js`;
  return { build, url, integrity: sha384(files.get(url) ?? '') };
};
let store: Server;
let origin: string;
let builds: WorkerBuilds;
let liveBuild = 'aaaaaaaaaaaa';
/** Answers the bundles' API calls as the service would, in the main thread, with the shopper's cookie. */
const apiAs =
  (cookie: string): typeof fetch =>
  async (input) =>
    new Response(` (asked ${String(input)} as ${cookie})`);

before(async () => {
  store = createServer((request, response) => {
    if (request.url === '/importmap/deployments/decide') {
      const { url, integrity } = ref(liveBuild);
      const live = {
        id: 1,
        team: 'decide',
        version: '1',
        build: liveBuild,
        action: 'deploy',
        restores: null,
      };
      const deployment = {
        ...live,
        builtAt: null,
        deployedAt: '2026-01-01T00:00:00Z',
        imports: {},
        integrity: {},
        surface: null,
      };
      const body = { team: 'decide', live: { ...deployment, server: { url, integrity } }, history: [] };
      return response.writeHead(200, { etag: `"${liveBuild}"` }).end(JSON.stringify(body));
    }
    const text = files.get(request.url ?? '');
    response.writeHead(text === undefined ? 404 : 200).end(text ?? 'not found');
  });
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
  builds = new WorkerBuilds({
    team: 'decide',
    assetsOrigin: origin,
    cacheDir: path.join(dir, 'cache'),
    cap: 2,
  });
});

after(async () => {
  await builds.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const home = async (build: string, cookie = 'c=1') =>
  (await builds.get(ref(build))).render(
    'page',
    'home',
    { url: new URL('http://x/'), fetch: apiAs(cookie) },
    {},
  );

test('two builds defining the same element render side by side, each its own markup', async () => {
  const [a, b, a2] = await Promise.all([
    home('aaaaaaaaaaaa', 'one'),
    home('bbbbbbbbbbbb', 'two'),
    home('aaaaaaaaaaaa', 'three'),
  ]);
  assert.match(a!.inner, /<p>build A<\/p>/);
  assert.match(b!.inner, /<p>build B<\/p>/);
  assert.doesNotMatch(b!.inner, /build A/);
  assert.match(
    a!.inner,
    /asked \/api\/who as one/,
    'the API is asked in the service, with the shopper’s cookie',
  );
  assert.match(a2!.inner, /as three/);
  assert.equal(
    await (
      await builds.get(ref('aaaaaaaaaaaa'))
    ).render('page', 'nope', { url: new URL('http://x/'), fetch: apiAs('') }, {}),
    undefined,
  );
});

test('a build is loaded only from its own team’s folder, only when it is there, only as its integrity says', async () => {
  const refused = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof BuildError, String(error));
    return error;
  };
  const other = await refused(builds.get(ref('ffffffffffff', 'explore')));
  assert.equal(other.status, 400);
  assert.match(other.message, /not a server bundle of decide/);

  const missing = await refused(
    builds.get({ ...ref('aaaaaaaaaaaa'), build: '999999999999', url: '/assets/decide/999999999999/ssr.js' }),
  );
  assert.equal(missing.status, 404);

  const tampered = await refused(builds.get({ ...ref('dddddddddddd'), integrity: sha384('something else') }));
  assert.equal(tampered.status, 502);
  assert.match(tampered.message, /integrity/);
  assert.equal(existsSync(marker), false, 'a bundle that does not match its integrity never runs');

  const broken = await refused(builds.get(ref('eeeeeeeeeeee')));
  assert.equal(broken.status, 502);
  assert.match(broken.message, /broken at import/);

  const unnamed = await refused(builds.get({ build: 'cccccccccccc' }));
  assert.equal(unnamed.status, 400, 'a build not loaded needs its bundle named');
});

test('past the cap, the least recently used build stops; asked again, it loads again', async () => {
  await home('aaaaaaaaaaaa');
  await home('bbbbbbbbbbbb');
  await home('aaaaaaaaaaaa'); // now B is the least recently used
  await home('cccccccccccc');
  assert.deepEqual(builds.loaded, ['aaaaaaaaaaaa', 'cccccccccccc']);
  assert.match((await home('bbbbbbbbbbbb'))!.inner, /build B/);
  assert.deepEqual(builds.loaded, ['cccccccccccc', 'bbbbbbbbbbbb']);
});

test('a replica follows the live build: loaded when it changes, before a page asks for it', async () => {
  const follower = new WorkerBuilds({ team: 'decide', assetsOrigin: origin, cacheDir: path.join(dir, 'f') });
  const stop = followLive(follower, { team: 'decide', origin, intervalMs: 20 });
  try {
    const waitFor = async (build: string) => {
      for (let i = 0; i < 200 && !follower.loaded.includes(build); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(follower.loaded.includes(build), `${build} is loaded: ${follower.loaded.join()}`);
    };
    await waitFor('aaaaaaaaaaaa');
    liveBuild = 'cccccccccccc';
    await waitFor('cccccccccccc');
  } finally {
    stop();
    await follower.close();
  }
});
