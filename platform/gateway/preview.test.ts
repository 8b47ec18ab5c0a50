// Preview: a team's candidate build, offered through the deploy API, reaches one browser through a signed link —
// its import map and its server render both — and no one else; a tampered, expired or foreign cookie is ignored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildGateway } from './gateway.js';
import { PreviewKey } from '../importmap/previews.js';
import { DeployTokens } from '../importmap/tokens.js';
import { integrityOf } from '../importmap/assets.js';
import { deployBuild, gatewayWorld, type GatewayWorld } from './testing.js';

const TEMPLATE = `<!doctype html><html><head><!-- %HEAD_META% --><!-- %IMPORT_MAPS% --></head><body>
<template id="single-spa-layout"><single-spa-router><main>
  <route path="/product/:id" exact><application name="@tractor/decide/product"></application></route>
  <route default><section class="shell-screen"><h1>Page not found</h1></section></route>
</main></single-spa-router></template><!-- %MODULE_PRELOADS% --><!-- %BOOT% --></body></html>`;

const LIVE = 'aaaaaaaaaaaa';
const CANDIDATE = 'bbbbbbbbbbbb';
const TOKENS = { decide: 'd', explore: 'e' } as const;
const key = new PreviewKey('k'.repeat(32));

let world: GatewayWorld;
let gateway: FastifyInstance;
let decide: FastifyInstance;
/** What Decide's service was asked to render: the build, and whether a preview cookie came along. */
const asked: { build: string; cookie: string }[] = [];

before(async () => {
  world = await gatewayWorld(TEMPLATE);
  decide = Fastify();
  decide.get('/decide/render/page/product', async (request) => {
    const { build } = request.query as { build: string };
    asked.push({ build, cookie: request.headers.cookie ?? '' });
    return {
      version: build,
      tag: 'decide-product-page',
      inner: `<template shadowrootmode="open">${build}</template>`,
    };
  });
  const origin = await decide.listen({ port: 0, host: '127.0.0.1' });
  gateway = await buildGateway({
    distDir: world.dist,
    services: { decide: origin },
    ssrBudgetMs: 2000,
    platform: { db: world.db, assetDir: world.assetDir, tokens: new DeployTokens(TOKENS), previewKey: key },
  });
  await deployBuild(gateway, 'decide', LIVE, TOKENS.decide);
});

after(async () => {
  await gateway.close();
  await decide.close();
  await world.close();
});

/** Publishes the candidate's files and offers it for preview; answers the link and its cookie. */
async function offerCandidate() {
  const publish = async (file: string, text: string) => {
    const put = await gateway.inject({
      method: 'PUT',
      url: `/importmap/assets/decide/${CANDIDATE}/${file}`,
      headers: { authorization: `Bearer ${TOKENS.decide}`, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(text),
    });
    assert.ok(put.statusCode < 300, put.body);
    return { url: `/assets/decide/${CANDIDATE}/${file}`, integrity: integrityOf(Buffer.from(text)) };
  };
  const entry = await publish('tractor-decide.bbbbbbbb.js', 'export const candidate = true;');
  const server = await publish('tractor-decide-ssr.bbbbbbbb.js', 'export default {};');
  const offered = await gateway.inject({
    method: 'POST',
    url: '/importmap/previews/decide',
    headers: { authorization: `Bearer ${TOKENS.decide}` },
    payload: {
      version: '2.0.0-rc',
      build: CANDIDATE,
      imports: { '@tractor/decide': entry.url },
      integrity: { [entry.url]: entry.integrity },
      server,
    },
  });
  assert.equal(offered.statusCode, 201, offered.body);
  const { link } = offered.json<{ link: string }>();
  const followed = await gateway.inject(link);
  assert.equal(followed.statusCode, 303);
  assert.equal(followed.headers.location, '/');
  const setCookie = String(followed.headers['set-cookie']);
  assert.match(setCookie, /^tractor-preview-decide=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
  return { link, cookie: setCookie.split(';')[0]! };
}

const page = async (cookie?: string) => {
  const response = await gateway.inject({ url: '/product/CL-01', headers: cookie ? { cookie } : {} });
  assert.equal(response.statusCode, 200);
  return response;
};
const buildsIn = (body: string) => [
  ...new Set([...body.matchAll(/\/assets\/decide\/(\w{12})\//g)].map((m) => m[1])),
];

test('the preview link gives one browser the candidate — map and server render — and everyone else the live build', async () => {
  const { cookie } = await offerCandidate();
  const live = await gateway.inject('/importmap/deployments/decide');
  assert.equal(live.json<{ live: { build: string } }>().live.build, LIVE, 'nothing live changed');

  asked.length = 0;
  const previewing = await page(`${cookie}; c_cart=CL-01-GR_1`);
  assert.deepEqual(buildsIn(previewing.body), [CANDIDATE], 'the page’s map names only the candidate');
  assert.match(
    previewing.body,
    new RegExp(`<decide-product-page><template shadowrootmode="open">${CANDIDATE}<`),
  );
  assert.equal(previewing.headers['tractor-preview'], `decide=${CANDIDATE}`);
  assert.deepEqual(
    asked,
    [{ build: CANDIDATE, cookie: 'c_cart=CL-01-GR_1' }],
    'the service renders the candidate, without the preview cookie',
  );

  const shopper = await page('c_cart=CL-01-GR_1');
  assert.deepEqual(buildsIn(shopper.body), [LIVE]);
  assert.match(shopper.body, new RegExp(`<decide-product-page><template shadowrootmode="open">${LIVE}<`));
  assert.equal(shopper.headers['tractor-preview'], undefined);
});

test('a tampered, expired, foreign or unknown preview cookie is ignored: the live build', async () => {
  const { cookie } = await offerCandidate();
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const hour = Math.floor(Date.now() / 1000) + 3600;
  for (const [why, value] of [
    ['another build, same signature', token.replace(CANDIDATE, LIVE)],
    ['a changed signature', token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')],
    ['expired', key.sign({ team: 'decide', build: CANDIDATE, expires: Math.floor(Date.now() / 1000) - 1 })],
    [
      'signed with another key',
      new PreviewKey('x'.repeat(32)).sign({ team: 'decide', build: CANDIDATE, expires: hour }),
    ],
    ['a build never offered', key.sign({ team: 'decide', build: 'cccccccccccc', expires: hour })],
    ['not a token', 'hello'],
  ] as const) {
    assert.deepEqual(buildsIn((await page(`tractor-preview-decide=${value}`)).body), [LIVE], why);
  }
  // A valid token of one team in another team's cookie.
  assert.deepEqual(
    buildsIn((await page(`tractor-preview-explore=${token}`)).body),
    [LIVE],
    'another team’s cookie',
  );
});

test('a preview link that was changed is a 403, an expired one a 410; neither sets a cookie', async () => {
  const { link } = await offerCandidate();
  const changed = await gateway.inject(link.replace(CANDIDATE, LIVE));
  assert.equal(changed.statusCode, 403);
  assert.match(changed.json<{ message: string }>().message, /not a preview link of this store/);
  assert.equal(changed.headers['set-cookie'], undefined);
  const old = key.sign({ team: 'decide', build: CANDIDATE, expires: Math.floor(Date.now() / 1000) - 60 });
  const expired = await gateway.inject(`/importmap/preview/${old}`);
  assert.equal(expired.statusCode, 410);
  assert.match(expired.json<{ message: string }>().message, /expired/);
  const end = await gateway.inject('/importmap/preview-end/decide');
  assert.equal(end.statusCode, 303);
  assert.match(String(end.headers['set-cookie']), /^tractor-preview-decide=; Path=\/; Max-Age=0/);
});

test('only the team’s own token offers its preview', async () => {
  const response = await gateway.inject({
    method: 'POST',
    url: '/importmap/previews/decide',
    headers: { authorization: `Bearer ${TOKENS.explore}` },
    payload: {},
  });
  assert.equal(response.statusCode, 403);
});
