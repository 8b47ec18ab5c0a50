// The registry and the repository agree: every team folder has an entry and every entry has its folders; the
// layout places exactly the registry's pages, at the registry's paths; every fragment the layout writes has
// an owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fragmentOwner, team, teams } from './teams.js';

const repoRoot = path.join(import.meta.dirname, '..');
const names = teams.map((t) => t.name).sort();
const folders = (dir: string) =>
  readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'node_modules')
    .map((d) => d.name)
    .sort();

test('every team folder has a registry entry, and every entry has its folders', () => {
  assert.deepEqual(folders('microfrontends'), names, 'microfrontends/<team>');
  assert.deepEqual(folders('services'), names, 'services/<team>');
  assert.deepEqual(folders('shared/contracts'), names, 'shared/contracts/<team>');
  assert.deepEqual(folders('mocks'), names, 'mocks/<team>');
  for (const name of names) {
    const pkg = (dir: string) =>
      JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) as { name: string };
    assert.equal(pkg(`microfrontends/${name}`).name, `@tractor/${name}`);
    assert.equal(pkg(`services/${name}`).name, `@tractor/${name}-service`);
  }
});

test('ports, dev ports, colours and fragment tags are unique; tags carry the team prefix', () => {
  const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
  assert.ok(unique(teams.map((t) => t.portOffset)), 'port offsets');
  assert.ok(unique(teams.map((t) => t.devPort)), 'dev ports');
  assert.ok(unique(teams.map((t) => t.colour)), 'colours');
  for (const t of teams) {
    for (const tag of t.fragments) assert.ok(tag.startsWith(`${t.name}-`), tag);
  }
  assert.equal(fragmentOwner('checkout-mini-cart'), 'checkout');
  assert.throws(() => team('nobody'), /There is no team "nobody"; teams: /);
});

/** The layout's routes: each application with the path and exactness of the route around it. */
function layoutPages(html: string) {
  const template = html.slice(html.indexOf('<template id="single-spa-layout">'));
  const pages: { application: string; path: string; exact: boolean }[] = [];
  const routes: { path: string; exact: boolean }[] = [];
  for (const tag of template.matchAll(/<(\/?)(route|application)\b([^>]*)>/g)) {
    const [, closing, name, attributes = ''] = tag;
    if (name === 'route') {
      if (closing) routes.pop();
      else
        routes.push({
          path: /path="([^"]*)"/.exec(attributes)?.[1] ?? '',
          exact: /\bexact\b/.test(attributes),
        });
    } else if (!closing) {
      const route = routes.at(-1)!;
      pages.push({ application: /name="([^"]+)"/.exec(attributes)![1]!, ...route });
    }
  }
  return pages;
}

test("the layout places exactly the registry's pages, at their paths", () => {
  const html = readFileSync(path.join(repoRoot, 'root-config/src/index.html'), 'utf8');
  const inLayout = layoutPages(html).sort((a, b) => a.application.localeCompare(b.application));
  const inRegistry = teams
    .flatMap((t) =>
      t.pages.map((p) => ({
        application: `@tractor/${t.name}/${p.name}`,
        path: p.path,
        exact: p.exact ?? false,
      })),
    )
    .sort((a, b) => a.application.localeCompare(b.application));
  assert.deepEqual(inLayout, inRegistry);

  const template = html.slice(html.indexOf('<template id="single-spa-layout">'));
  const tags = new Set([...template.matchAll(/<([a-z]+-[a-z-]+)[\s>]/g)].map((m) => m[1]!));
  for (const tag of tags) {
    if (tag.startsWith('single-spa')) continue;
    assert.ok(fragmentOwner(tag), `the layout writes <${tag}>, which no team offers`);
  }
});

test('each team has its mocks module and entry where the registry expects them', () => {
  for (const name of names) {
    assert.ok(existsSync(path.join(repoRoot, `microfrontends/${name}/src/tractor-${name}.ts`)), name);
    assert.ok(existsSync(path.join(repoRoot, `microfrontends/${name}/src/mocks.ts`)), name);
  }
});
