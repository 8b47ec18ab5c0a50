// The import map service through its HTTP API: publishing, deploying, rolling back, every refusal, and
// concurrent deploys. Set TEST_DATABASE_URL=postgres://… to run the same tests on a real PostgreSQL, where two
// deploys really do race (PGlite runs one transaction at a time).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { migrate } from '@tractor/chassis';
import { openTestDatabase, type TestDatabase } from '@tractor/chassis/testing';
import { AssetStore, integrityOf } from './assets.js';
import { Deployments } from './deployments.js';
import { importMapService, LiveDeployments, PrepareRefused } from './service.js';
import { DeployTokens } from './tokens.js';

const TOKENS = { explore: 'explore-token', decide: 'decide-token' };
const PLATFORM = { imports: { lit: '/shared/npm/lit@3/index.js' }, integrity: {} };

let database: TestDatabase;
let assetDir: string;
let app: FastifyInstance;
let buildCount = 0;
let deployments: Deployments;
/** What the service was asked to prepare, with the build live at that moment; builds it refuses. */
const prepared: { team: string; build: string; url: string; liveThen: string | undefined }[] = [];
const unloadable = new Set<string>();
/** The contract versions each team's live service serves (the gate asks). */
const served: Record<string, readonly string[]> = { explore: ['1'], decide: ['1'] };

before(async () => {
  database = await openTestDatabase();
  await migrate(database.db, path.join(import.meta.dirname, 'migrations'));
  assetDir = mkdtempSync(path.join(os.tmpdir(), 'assets-'));
  deployments = new Deployments(database.db);
  app = Fastify();
  await app.register(importMapService, {
    deployments,
    live: new LiveDeployments(deployments),
    assets: new AssetStore(assetDir),
    tokens: new DeployTokens(TOKENS),
    teams: ['explore', 'decide'],
    platform: PLATFORM,
    prepare: async (team, build, server) => {
      prepared.push({ team, build, url: server.url, liveThen: (await deployments.team(team)).live?.build });
      if (unloadable.has(build)) throw new PrepareRefused('its worker exited (1)');
    },
    servedContracts: async (team) => served[team],
  });
});
after(async () => {
  await app.close();
  await database.close();
  rmSync(assetDir, { recursive: true, force: true });
});

const auth = (team: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[team]}` });

/** Publishes a build of `team` with one entry file; returns the deploy request for it. */
async function publishBuild(team: keyof typeof TOKENS, content = `export const n = ${++buildCount};`) {
  const build = buildCount.toString(16).padStart(12, '0');
  const file = `tractor-${team}.${build.slice(-8)}.js`;
  const response = await app.inject({
    method: 'PUT',
    url: `/importmap/assets/${team}/${build}/${file}`,
    headers: { ...auth(team), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(content),
  });
  assert.equal(response.statusCode, 201, response.body);
  const url = `/assets/${team}/${build}/${file}`;
  return {
    version: `1.0.${buildCount}`,
    build,
    imports: { [`@tractor/${team}`]: url },
    integrity: { [url]: integrityOf(Buffer.from(content)) },
  };
}

async function etagOf(team: string) {
  const response = await app.inject(`/importmap/deployments/${team}`);
  assert.equal(response.statusCode, 200);
  return response.headers.etag as string;
}

const deploy = async (team: keyof typeof TOKENS, body: object, ifMatch: string | undefined, token = team) =>
  app.inject({
    method: 'PUT',
    url: `/importmap/deployments/${team}`,
    headers: { ...auth(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload: body,
  });

test('a published build goes live: the map names it with its integrity; a deploy answers its new ETag', async () => {
  const change = await publishBuild('explore');
  const response = await deploy('explore', change, await etagOf('explore'));
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.headers.etag, `"${response.json().id}"`);

  const map = await app.inject('/importmap.json');
  assert.equal(map.statusCode, 200);
  assert.equal(map.headers['content-type'], 'application/importmap+json');
  const url = change.imports['@tractor/explore']!;
  assert.equal(map.json().imports['@tractor/explore'], url);
  assert.equal(map.json().integrity[url], change.integrity[url]);
  assert.equal(map.json().imports.lit, PLATFORM.imports.lit, 'the platform’s entries stay');

  const again = await app.inject({ url: '/importmap.json', headers: { 'if-none-match': map.headers.etag } });
  assert.equal(again.statusCode, 304);
});

test('two teams deploying at the same moment both land', async () => {
  const [explore, decide] = await Promise.all([publishBuild('explore'), publishBuild('decide')]);
  const [a, b] = await Promise.all([
    deploy('explore', explore, await etagOf('explore')),
    deploy('decide', decide, await etagOf('decide')),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode], [201, 201]);
  const map = (await app.inject('/importmap.json')).json();
  assert.equal(map.imports['@tractor/explore'], explore.imports['@tractor/explore']);
  assert.equal(map.imports['@tractor/decide'], decide.imports['@tractor/decide']);
});

test('two deploys of one team against the same ETag: one wins, the other gets 412 and the live ETag', async () => {
  const base = await etagOf('decide');
  const [first, second] = [await publishBuild('decide'), await publishBuild('decide')];
  const answers = await Promise.all([deploy('decide', first, base), deploy('decide', second, base)]);
  const statuses = answers.map((r) => r.statusCode).sort();
  assert.deepEqual(statuses, [201, 412]);
  const won = answers.find((r) => r.statusCode === 201)!;
  const lost = answers.find((r) => r.statusCode === 412)!;
  assert.equal(lost.json().field, 'if-match');
  assert.equal(lost.headers.etag, won.headers.etag, 'the refusal says what is live now');
  // Deploying with the ETag the refusal gave works.
  const retry = await deploy('decide', lost === answers[0] ? first : second, lost.headers.etag as string);
  assert.equal(retry.statusCode, 201);
});

test('refusals: each is a JSON error that names the problem, and the map does not change', async () => {
  const before = (await app.inject('/importmap.json')).body;
  const good = await publishBuild('decide');
  const etag = await etagOf('decide');
  const url = good.imports['@tractor/decide']!;
  const cases: [
    string,
    Promise<{ statusCode: number; json(): { message: string; field?: string } }>,
    number,
    RegExp,
  ][] = [
    [
      'no token',
      app.inject({
        method: 'PUT',
        url: '/importmap/deployments/decide',
        headers: { 'if-match': etag },
        payload: good,
      }),
      401,
      /Bearer/,
    ],
    ['another team’s token', deploy('decide', good, etag, 'explore'), 403, /deploys explore, not decide/],
    [
      'a shared library',
      deploy('decide', { ...good, imports: { ...good.imports, lit: url } }, etag),
      403,
      /lit belongs to the platform/,
    ],
    [
      'another team’s entry',
      deploy('decide', { ...good, imports: { ...good.imports, '@tractor/explore': url } }, etag),
      403,
      /@tractor\/explore belongs to another team/,
    ],
    [
      'a URL outside the asset store',
      deploy('decide', { ...good, imports: { '@tractor/decide': 'https://cdn.example/x.js' } }, etag),
      422,
      /outside the asset store/,
    ],
    [
      'an entry without integrity',
      deploy('decide', { ...good, integrity: {} }, etag),
      422,
      /has no integrity/,
    ],
    [
      'a wrong integrity',
      deploy('decide', { ...good, integrity: { [url]: integrityOf(Buffer.from('something else')) } }, etag),
      422,
      /does not match the published file/,
    ],
    [
      'a file not in the asset store',
      deploy(
        'decide',
        {
          ...good,
          imports: { '@tractor/decide': `/assets/decide/${good.build}/tractor-decide.ffffffff.js` },
          integrity: { [`/assets/decide/${good.build}/tractor-decide.ffffffff.js`]: good.integrity[url]! },
        },
        etag,
      ),
      422,
      /not in the asset store/,
    ],
    ['no If-Match', deploy('decide', good, undefined), 428, /If-Match/],
    ['a stale If-Match', deploy('decide', good, '"1"'), 412, /changed meanwhile/],
    [
      'a malformed integrity',
      deploy('decide', { ...good, integrity: { [url]: 'md5-x' } }, etag),
      400,
      /integrity/,
    ],
    ['an unknown key', deploy('decide', { ...good, extra: 1 }, etag), 400, /unknown keys extra/],
  ];
  for (const [label, answer, status, message] of cases) {
    const response = await answer;
    assert.equal(response.statusCode, status, label);
    assert.match(response.json().message, message, label);
  }
  assert.equal((await app.inject('/importmap.json')).body, before, 'nothing changed');
  const unknown = await app.inject({
    method: 'PUT',
    url: '/importmap/deployments/nobody',
    headers: { ...auth('decide'), 'if-match': '*' },
    payload: good,
  });
  assert.equal(unknown.statusCode, 404);
});

test('a published file never changes: the same bytes are a no-op, other bytes a 409', async () => {
  const put = (payload: string, file = 'chunk.0123abcd.js', token: keyof typeof TOKENS = 'explore') =>
    app.inject({
      method: 'PUT',
      url: `/importmap/assets/explore/abcdefabcdef/${file}`,
      headers: { ...auth(token), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(payload),
    });
  assert.equal((await put('export {};')).statusCode, 201);
  const same = await put('export {};');
  assert.equal(same.statusCode, 200);
  assert.equal(same.json().created, false);
  const other = await put('export const x = 1;');
  assert.equal(other.statusCode, 409);
  assert.match(other.json().message, /never change/);
  assert.equal((await put('x', '../../etc/passwd')).statusCode, 404, 'no path leaves its folder');
  assert.equal((await put('x', 'a b.js')).statusCode, 400);
  assert.equal((await put('x', 'other.0123abcd.js', 'decide')).statusCode, 403);
});

test('rollback walks back build by build; with nothing earlier it is a 409', async () => {
  const states = async () => (await app.inject('/importmap/deployments/explore')).json();
  const versions: string[] = [];
  for (let i = 0; i < 2; i++) {
    const change = await publishBuild('explore');
    assert.equal((await deploy('explore', change, await etagOf('explore'))).statusCode, 201);
    versions.push(change.version);
  }
  const rollback = async (body: object = {}) =>
    app.inject({
      method: 'POST',
      url: '/importmap/deployments/explore/rollback',
      headers: { ...auth('explore'), 'if-match': await etagOf('explore') },
      payload: body,
    });
  const first = await rollback();
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().version, versions[0]);
  assert.equal(first.json().action, 'rollback');
  const second = await rollback();
  assert.notEqual(second.json().version, versions[0], 'a second rollback goes further back');
  const history = (await states()).history as { id: number; version: string }[];
  const to = await rollback({ to: history.find((d) => d.version === versions[1])!.id });
  assert.equal(to.json().version, versions[1]);
  const map = (await app.inject('/importmap.json')).json();
  assert.equal(map.imports['@tractor/explore'], to.json().imports['@tractor/explore']);

  const decideId = (await app.inject('/importmap/deployments/decide')).json().live.id as number;
  const foreign = await rollback({ to: decideId });
  assert.equal(foreign.statusCode, 409);
  assert.match(foreign.json().message, /no deployment/);
});

test('the live map survives a database that stops answering: the last map read is served', async () => {
  let calls = 0;
  const flaky = {
    live: async () => {
      if (calls++ > 0) throw new Error('connection refused');
      return [];
    },
  } as unknown as Deployments;
  const live = new LiveDeployments(flaky);
  assert.deepEqual(await live.read(), []);
  assert.deepEqual(await live.read(), [], 'served from the last read');
  await assert.rejects(new LiveDeployments(flaky).read(), /connection refused/, 'nothing read yet: no map');
});

/** An import map service on a real socket, with an asset store of small limits. */
async function smallStore(limits: { fileBytes: number; teamBytes: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assets-small-'));
  deployments = new Deployments(database.db);
  const server = Fastify();
  await server.register(importMapService, {
    deployments,
    live: new LiveDeployments(deployments),
    assets: new AssetStore(dir, limits),
    tokens: new DeployTokens(TOKENS),
    teams: ['explore', 'decide'],
    platform: PLATFORM,
  });
  const origin = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    origin,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request body that sends `first` and then never ends (until `end()`). */
function endlessBody(first: Uint8Array) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(first);
    },
  });
  return { stream, end: () => controller.close() };
}

test('a change is authorized before its body is read: no token or another team’s, and the answer comes at once', async () => {
  const store = await smallStore({ fileBytes: 1024 * 1024, teamBytes: 10 * 1024 * 1024 });
  try {
    for (const headers of [{}, auth('decide')]) {
      // The body announces 20 MB and never arrives: a refusal that waited for it would never come.
      const body = endlessBody(new Uint8Array(1024));
      const answer = await fetch(`${store.origin}/importmap/assets/explore/abcdefabcdef/a.0123abcd.js`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: body.stream,
        duplex: 'half',
        signal: AbortSignal.timeout(5000),
      } as RequestInit);
      assert.equal(answer.status, 'authorization' in headers ? 403 : 401);
      assert.equal(((await answer.json()) as { field: string }).field, 'authorization');
      body.end();
    }
    assert.deepEqual(readdirSync(store.dir), [], 'nothing was written');
  } finally {
    await store.close();
  }
});

test('a published file is at most the store’s file limit, streamed or announced: 413, nothing stored', async () => {
  const store = await smallStore({ fileBytes: 1000, teamBytes: 100_000 });
  const url = `${store.origin}/importmap/assets/explore/abcdefabcdef/big.0123abcd.js`;
  try {
    const announced = await fetch(url, {
      method: 'PUT',
      headers: { ...auth('explore'), 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1001),
    });
    assert.equal(announced.status, 413);
    assert.match(((await announced.json()) as { message: string }).message, /at most 1000 bytes/);

    const chunks = [new Uint8Array(600), new Uint8Array(600)];
    const streamed = await fetch(url, {
      method: 'PUT',
      headers: { ...auth('explore'), 'content-type': 'application/octet-stream' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413, 'a stream without a length is cut at the limit');
    assert.deepEqual(readdirSync(store.dir, { recursive: true }), ['explore', 'explore/abcdefabcdef']);

    const empty = await fetch(url, { method: 'PUT', headers: auth('explore'), body: new Uint8Array(0) });
    assert.equal(empty.status, 400);

    const fits = await fetch(url, { method: 'PUT', headers: auth('explore'), body: new Uint8Array(1000) });
    assert.equal(fits.status, 201);
  } finally {
    await store.close();
  }
});

test('a team’s published files have a quota: 507 once it is full, other teams unaffected', async () => {
  const store = await smallStore({ fileBytes: 1000, teamBytes: 2500 });
  const put = (team: keyof typeof TOKENS, file: string) =>
    fetch(`${store.origin}/importmap/assets/${team}/abcdefabcdef/${file}`, {
      method: 'PUT',
      headers: { ...auth(team), 'content-type': 'application/octet-stream' },
      // Under 512 bytes: no compressed copies, so each file takes exactly its size.
      body: new Uint8Array(500).fill(file.length),
    });
  try {
    for (const file of ['a.js', 'bb.js', 'ccc.js', 'dddd.js', 'eeeee.js']) {
      assert.equal((await put('explore', file)).status, 201, file);
    }
    const full = await put('explore', 'ffffff.js');
    assert.equal(full.status, 507);
    const problem = (await full.json()) as { statusCode: number; message: string };
    assert.equal(problem.statusCode, 507);
    assert.match(problem.message, /explore's published files take 2500 of its 2500 bytes/);
    assert.equal((await put('explore', 'a.js')).status, 200, 'the same bytes again take no room');
    assert.equal((await put('decide', 'a.js')).status, 201, 'another team has its own quota');
  } finally {
    await store.close();
  }
});

/** A build with a server renderer: its entry and its server bundle, published; the deploy request for both. */
async function publishWithServer(team: keyof typeof TOKENS, serverText = `export default {};`) {
  const change = await publishBuild(team);
  const url = `/assets/${team}/${change.build}/tractor-${team}-ssr.${change.build.slice(-8)}.js`;
  const put = await app.inject({
    method: 'PUT',
    url: `/importmap${url}`,
    headers: { ...auth(team), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(serverText),
  });
  assert.equal(put.statusCode, 201, put.body);
  return { ...change, server: { url, integrity: integrityOf(Buffer.from(serverText)) } };
}

test('a release switches its server renderer with its modules: loaded by the service first, never in the map', async () => {
  const first = await publishWithServer('decide');
  prepared.length = 0;
  const response = await deploy('decide', first, '*');
  assert.equal(response.statusCode, 201, response.body);
  assert.deepEqual(response.json().server, first.server);
  assert.equal(prepared.length, 1);
  assert.equal(prepared[0]!.build, first.build);
  assert.notEqual(prepared[0]!.liveThen, first.build, 'the service loads the build before it goes live');
  const map = (await app.inject('/importmap.json')).json();
  assert.equal(JSON.stringify(map).includes('-ssr.'), false, 'the browser never gets the server bundle');

  const second = await publishWithServer('decide', 'export default { second: true };');
  assert.equal((await deploy('decide', second, '*')).statusCode, 201);
  prepared.length = 0;
  const back = await app.inject({
    method: 'POST',
    url: '/importmap/deployments/decide/rollback',
    headers: { ...auth('decide'), 'if-match': '*' },
    payload: {},
  });
  assert.equal(back.statusCode, 201, back.body);
  assert.equal(back.json().build, first.build);
  assert.deepEqual(back.json().server, first.server, 'a rollback brings back the build’s renderer too');
  assert.deepEqual(
    prepared.map((p) => p.build),
    [first.build],
  );
});

test('a server bundle that is not the published one, or that the service cannot load, is refused; nothing changes', async () => {
  const before = await etagOf('decide');
  const change = await publishWithServer('decide');
  prepared.length = 0;
  for (const [server, message] of [
    [{ ...change.server, integrity: integrityOf(Buffer.from('other bytes')) }, /integrity does not match/],
    [{ ...change.server, url: '/assets/explore/000000000001/x.js' }, /outside the asset store/],
    [{ ...change.server, url: change.server.url.replace('-ssr.', '-gone.') }, /not in the asset store/],
  ] as const) {
    const response = await deploy('decide', { ...change, server }, '*');
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().field, 'server');
    assert.match(response.json().message, message);
  }
  assert.equal(prepared.length, 0, 'a bundle the store refuses is never offered to the service');

  unloadable.add(change.build);
  const refused = await deploy('decide', change, '*');
  assert.equal(refused.statusCode, 422, refused.body);
  assert.match(refused.json().message, /decide's service cannot render build .*worker exited/);
  assert.equal(await etagOf('decide'), before, 'the live build stays');
});

/** A surface: what a build provides and uses. */
const surface = (
  provides: { elements?: string[]; events?: string[]; contract?: string },
  uses: { elements?: string[]; events?: string[] } = {},
) => ({
  provides: { contract: '1', ...provides },
  uses,
});

test('the gate: a deploy or rollback that leaves a live build without what it uses is a 409 naming both; nothing changes', async () => {
  // Explore's live build places Decide's <decide-teaser> and listens to decide:compared.
  const explore = await publishBuild('explore');
  assert.equal(
    (
      await deploy(
        'explore',
        { ...explore, surface: surface({}, { elements: ['decide-teaser'], events: ['decide:compared'] }) },
        '*',
      )
    ).statusCode,
    201,
  );
  const good = await publishBuild('decide');
  const goodSurface = surface({
    elements: ['decide-product-page', 'decide-teaser'],
    events: ['decide:compared'],
  });
  assert.equal((await deploy('decide', { ...good, surface: goodSurface }, '*')).statusCode, 201);
  const live = await etagOf('decide');

  const checks: [string, object, RegExp][] = [
    [
      'drops an element',
      surface({ elements: ['decide-product-page'], events: ['decide:compared'] }),
      /explore build \w+ places <decide-teaser>, which decide build \w+ does not define/,
    ],
    [
      'renames an event',
      surface({ elements: ['decide-teaser'], events: ['decide:compared-v2'] }),
      /explore build \w+ listens to decide:compared, which decide build \w+ does not dispatch/,
    ],
    [
      'uses what nobody provides',
      { ...goodSurface, uses: { elements: ['explore-wishlist'] } },
      /decide build \w+ places <explore-wishlist>, which explore build \w+ does not define/,
    ],
    [
      'a contract its service does not serve',
      { ...goodSurface, provides: { ...goodSurface.provides, contract: '2' } },
      /contract 2, which the live decide service does not serve \(it serves 1\)/,
    ],
  ];
  for (const [why, bad, message] of checks) {
    const change = await publishBuild('decide');
    const refused = await deploy('decide', { ...change, surface: bad }, '*');
    assert.equal(refused.statusCode, 409, `${why}: ${refused.body}`);
    const body = refused.json<{ message: string; problems: { consumer: string; name: string }[] }>();
    assert.match(body.message, message, why);
    assert.ok(body.problems.length >= 1, why);
    // The same answer when a team's CI asks first, before it publishes anything.
    const asked = await app.inject({
      method: 'POST',
      url: '/importmap/checks/decide',
      headers: auth('decide'),
      payload: { ...change, surface: bad },
    });
    assert.equal(asked.statusCode, 409, why);
    assert.equal(asked.json<{ message: string }>().message, body.message);
  }
  assert.equal(await etagOf('decide'), live, 'no refused change went live');

  // An additive build passes; asked first, the gate says so.
  const more = await publishBuild('decide');
  const moreSurface = surface({
    elements: ['decide-product-page', 'decide-teaser', 'decide-compare'],
    events: ['decide:compared', 'decide:new'],
  });
  const ok = await app.inject({
    method: 'POST',
    url: '/importmap/checks/decide',
    headers: auth('decide'),
    payload: { ...more, surface: moreSurface },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { ok: true, problems: [] });

  // A rollback to a build without <decide-teaser> is refused too, while Explore's live build places it.
  const old = await publishBuild('decide');
  served.decide = ['1'];
  const explorePlain = await publishBuild('explore');
  assert.equal((await deploy('explore', { ...explorePlain, surface: surface({}) }, '*')).statusCode, 201);
  assert.equal(
    (await deploy('decide', { ...old, surface: surface({ elements: ['decide-product-page'] }) }, '*'))
      .statusCode,
    201,
  );
  assert.equal((await deploy('decide', { ...more, surface: moreSurface }, '*')).statusCode, 201);
  assert.equal(
    (await deploy('explore', { ...explore, surface: surface({}, { elements: ['decide-teaser'] }) }, '*'))
      .statusCode,
    201,
  );
  const back = await app.inject({
    method: 'POST',
    url: '/importmap/deployments/decide/rollback',
    headers: { ...auth('decide'), 'if-match': '*' },
    payload: {},
  });
  assert.equal(back.statusCode, 409, back.body);
  assert.match(back.json<{ message: string }>().message, /explore build \w+ places <decide-teaser>/);
  assert.equal((await deployments.team('decide')).live?.build, more.build, 'the rollback did not happen');
});
