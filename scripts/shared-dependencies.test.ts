import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isSharedRequest, sharedBuilds, sharedPackages } from '../shared-dependencies.js';
import { repoRoot } from './stack.js';

test('every shared library and every shared build is served by the import map', () => {
  for (const request of [
    'lit',
    '@lit/task',
    '@lit-labs/ssr-client/lit-element-hydrate-support.js',
    'single-spa',
  ]) {
    assert.equal(isSharedRequest(request), true, request);
  }
  for (const build of sharedBuilds) {
    for (const specifier of build.specifiers) assert.equal(isSharedRequest(specifier), true, specifier);
  }
  for (const p of sharedPackages) {
    const specifier = p.specifier ?? p.name;
    assert.equal(isSharedRequest(specifier), true, specifier);
  }
});

test('everything else is bundled', () => {
  for (const request of [
    'zod',
    'zod/v4/core',
    'litany',
    'single-spa-react',
    'web-vitals',
    '@tractor/shared/events',
    './x.js',
  ]) {
    assert.equal(isSharedRequest(request), false, request);
  }
});

test('browser code imports Lit only through the shared Lit module, so a page never holds two Lits', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(file);
      return /\.ts$/.test(entry.name) && !/\.test\.ts$|[/\\](ssr|server-render)\.ts$/.test(file)
        ? [file]
        : [];
    });
  const browserDirs = [
    ...readdirSync(path.join(repoRoot, 'microfrontends')).map((team) => `microfrontends/${team}/src`),
    'shared/ui',
    'shared/spa',
    'root-config/src',
  ];
  const lit = sharedBuilds.find((b) => b.name === 'lit')!;
  const strays = browserDirs
    .flatMap((dir) => sourceFiles(path.join(repoRoot, dir)))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '((?:lit|@lit|@lit-labs)(?:[/-][^']*)?)'/g)]
        .map((m) => m[1]!)
        .filter((specifier) => !lit.specifiers.includes(specifier))
        .map((specifier) => `${path.relative(repoRoot, file)}: ${specifier} (export it from ${lit.source})`),
    );
  assert.deepEqual(strays, []);
});
