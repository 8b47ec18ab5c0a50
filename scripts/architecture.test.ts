// ARCHITECTURE.md is the map a newcomer trusts: short enough to keep true, and checked. Every path it (and a
// docs page) names exists (a `<team>` path for every team of the registry), every workspace has its line, and
// no page links outside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { teams } from '../shared/teams.js';

const root = path.join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const map = read('ARCHITECTURE.md');
const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => `docs/${file}`);

/** The repository paths a page names in backticks: with a slash or a file name's extension, no spaces. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)]
    .map(([, name]) => name!)
    .filter(
      (name) => /\/|^[\w.-]+\.(?:md|js|ts|json|yaml)$/.test(name) && !/^(?:https?:|\/|@|--)/.test(name),
    );
}

/** A named path for each team when it has a `<team>` placeholder. */
const expand = (name: string) =>
  name.includes('<team>') ? teams.map((t) => name.replaceAll('<team>', t.name)) : [name];

test('ARCHITECTURE.md is a map: at most 2 500 words', () => {
  const words = map.split(/\s+/).filter(Boolean).length;
  assert.ok(words <= 2500, `ARCHITECTURE.md has ${words} words: move details to docs/`);
});

test('every path ARCHITECTURE.md and the docs pages name exists', () => {
  // A decision record is a dated snapshot: it names the tree as it was then, and is not checked.
  for (const page of ['ARCHITECTURE.md', ...docs.filter((file) => !file.startsWith('docs/decisions/'))]) {
    const missing = namedPaths(read(page))
      .flatMap(expand)
      .filter((name) => !existsSync(path.join(root, name)));
    assert.deepEqual(missing, [], `${page} names paths that do not exist`);
  }
});

test('every workspace has its line in the map', () => {
  const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
  const named = new Set(namedPaths(map));
  for (const workspace of workspaces) {
    const folder = workspace.endsWith('/*') ? `${workspace.slice(0, -1)}<team>/` : `${workspace}/`;
    assert.ok(named.has(folder), `ARCHITECTURE.md does not name the workspace ${folder}`);
  }
});

test('the map and the docs link only inside the repository, to pages and files that exist', () => {
  for (const page of ['ARCHITECTURE.md', ...docs]) {
    for (const [, target] of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      const file = target!.split('#')[0]!;
      assert.ok(!/^[a-z]+:/i.test(target!), `${page} links outside the repository: ${target}`);
      const resolved = path.join(root, path.dirname(page), file);
      assert.ok(resolved.startsWith(root + path.sep), `${page} links outside the repository: ${target}`);
      assert.ok(!file || existsSync(resolved), `${page} links ${target}, which does not exist`);
    }
  }
});
