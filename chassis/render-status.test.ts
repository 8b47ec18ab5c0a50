// A page that names nothing: still rendered (its "not found" view), and its answer says so for the shell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { LitElement, html } from 'lit';
import { addRenderRoutes } from './render.js';
import { inProcessBuilds } from './testing.js';

const BUILD = 'b1b1b1b1b1b1';

class TestPage extends LitElement {
  override render() {
    return html`<h1>Page not found</h1>`;
  }
}
customElements.define('test-page', TestPage);

test('a render that says its page names nothing answers status 404 in its JSON, with HTTP 200 (it is rendered)', async () => {
  const app = Fastify();
  addRenderRoutes(app, {
    team: 'decide',
    builds: inProcessBuilds(BUILD, {
      pages: {
        missing: async () => ({ tag: 'test-page', seed: { missing: 'XX-99' }, status: 404, maxAge: 60 }),
        found: async () => ({ tag: 'test-page' }),
      },
      fragments: {},
    }),
  });
  try {
    const missing = await app.inject(`/decide/render/page/missing?url=%2Fproduct%2FXX-99&build=${BUILD}`);
    assert.equal(missing.statusCode, 200, 'to the shell, a non-ok route means "not server-rendered"');
    const answer = missing.json<{ status?: number; inner: string; version: string }>();
    assert.equal(answer.status, 404);
    assert.equal(answer.version, BUILD, 'the answer names the build that rendered it');
    assert.match(answer.inner, /Page not found/);
    assert.match(answer.inner, /data-seed>\{"missing":"XX-99"\}/);
    assert.equal(missing.headers['cache-control'], 'public, max-age=60');

    const found = await app.inject(`/decide/render/page/found?url=%2F&build=${BUILD}`);
    assert.equal(found.statusCode, 200);
    assert.equal('status' in found.json<object>(), false);

    const unnamed = await app.inject('/decide/render/page/found?url=%2F');
    assert.equal(unnamed.statusCode, 400, 'a render names the build the page uses');
    assert.equal(unnamed.json<{ field: string }>().field, 'build');
    const other = await app.inject('/decide/render/page/found?url=%2F&build=c2c2c2c2c2c2');
    assert.equal(other.statusCode, 404, 'a build this service does not have is not rendered by another');
  } finally {
    await app.close();
  }
});
