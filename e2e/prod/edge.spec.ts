// What the public edge lets through, against the production topology: reads of the import map yes, its changes
// no (the deploy API is on the internal listener only); HSTS on every answer; the cart cookie only over HTTPS.
import { prodPorts } from '../../scripts/prod/ports.js';
import { PROD_PORT } from '../playwright.prod.config.js';
import { expect, test } from '../tests/fixtures.js';

// The edge's certificate is self-signed: this process's own requests accept it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const EDGE = `https://localhost:${PROD_PORT}`;
const INTERNAL = `http://127.0.0.1:${prodPorts(PROD_PORT, 2).internal}`;
const HSTS = /^max-age=31536000/;

test('the deploy API is not on the public edge: reads pass, every change is a 403 before any body is taken', async () => {
  const map = await fetch(`${EDGE}/importmap.json`);
  expect(map.status).toBe(200);
  expect(((await map.json()) as { imports: object }).imports).toHaveProperty(['@tractor/decide']);
  expect((await fetch(`${EDGE}/importmap/deployments/decide`)).status).toBe(200);

  const changes: [string, string][] = [
    ['PUT', '/importmap/assets/decide/abcdefabcdef/tractor-decide.0123abcd.js'],
    ['PUT', '/importmap/deployments/decide'],
    ['POST', '/importmap/deployments/decide/rollback'],
    ['DELETE', '/importmap/deployments/decide'],
  ];
  for (const [method, url] of changes) {
    const refused = await fetch(`${EDGE}${url}`, {
      method,
      headers: { authorization: 'Bearer guess', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1024),
    });
    expect(refused.status, `${method} ${url}`).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/internal network only/);
  }
  // A file as large as a build's: refused for its size before even that (the public edge takes 64 KB).
  const upload = await fetch(`${EDGE}${changes[0]![1]}`, {
    method: 'PUT',
    body: new Uint8Array(1024 * 1024),
  });
  expect(upload.status).toBe(413);

  // Inside, the same request reaches the import map service, which wants a team's token.
  const inside = await fetch(`${INTERNAL}${changes[0]![1]}`, {
    method: 'PUT',
    headers: { authorization: 'Bearer guess', 'content-type': 'application/octet-stream' },
    body: new Uint8Array(1024),
  });
  expect(inside.status).toBe(401);
});

test('HSTS on pages, files, APIs and the edge’s own errors; the cart cookie is Secure', async () => {
  for (const url of [
    '/',
    '/product/CL-01',
    '/explore/api/products',
    '/importmap.json',
    '/cdn/nothing.webp',
  ]) {
    const answer = await fetch(`${EDGE}${url}`);
    expect(answer.headers.get('strict-transport-security'), url).toMatch(HSTS);
  }
  const js = await fetch(`${EDGE}/importmap.json`).then(
    (r) => r.json() as Promise<{ imports: Record<string, string> }>,
  );
  const module = await fetch(`${EDGE}${js.imports['@tractor/decide']}`);
  expect(module.status).toBe(200);
  expect(module.headers.get('strict-transport-security')).toMatch(HSTS);

  const added = await fetch(`${EDGE}/checkout/api/cart/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sku: 'CL-01-GY' }),
  });
  expect(added.ok).toBe(true);
  const cookie = added.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^c_cart=/);
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
});

test('one client flooding orders gets 429s with Retry-After from the edge; reads go on', async () => {
  const order = () =>
    fetch(`${EDGE}/checkout/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'c_cart=CL-01-GR_1' },
      // Refused by Checkout if it gets there (no such store): the flood places nothing.
      body: JSON.stringify({
        firstName: 'Flood',
        lastName: 'Test',
        storeId: 'nowhere',
        idempotencyKey: crypto.randomUUID(),
      }),
    });
  const answers = [];
  for (let i = 0; i < 10; i++) answers.push(await order());
  const limited = answers.filter((a) => a.status === 429);
  expect(limited.length).toBeGreaterThanOrEqual(5);
  expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await limited[0]!.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  expect((await fetch(`${EDGE}/checkout/api/cart`)).status).toBe(200);
});

test("field-signal beacons pass the edge to the gateways (16 KB at most); the gateways' metrics do not", async () => {
  const sample = {
    team: 'decide',
    build: '0123456789ab',
    route: '/product/:id',
    metric: 'LCP',
    value: 300,
    navigation: 'load',
    ssr: true,
  };
  const sent = await fetch(`${EDGE}/rum`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ samples: [sample] }),
  });
  expect(sent.status).toBe(204);
  const bad = await fetch(`${EDGE}/rum`, { method: 'POST', body: '{"samples": [{"team": "marketing"}]}' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { field?: string }).field).toBe('samples');
  const huge = await fetch(`${EDGE}/rum`, { method: 'POST', body: 'x'.repeat(20 * 1024) });
  expect(huge.status).toBe(413);
  expect(huge.headers.get('content-type')).toMatch(/application\/json/);
  for (const url of ['/metrics', '//metrics', '/%6detrics']) {
    expect((await fetch(`${EDGE}${url}`)).status, url).toBe(404);
  }
});
