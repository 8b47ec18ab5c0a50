import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSharedRequest, sharedBuilds, sharedPackages } from '../shared-dependencies.js';

test('every shared library, its sub-paths and every shared build are served by the import map', () => {
  for (const request of ['lit', 'lit/directives/class-map.js', 'lit-html', '@lit/task', 'single-spa']) {
    assert.equal(isSharedRequest(request), true, request);
  }
  for (const build of sharedBuilds) {
    for (const specifier of build.specifiers) assert.equal(isSharedRequest(specifier), true, specifier);
  }
  for (const p of sharedPackages) assert.equal(isSharedRequest(p.name), true, p.name);
});

test('everything else is bundled', () => {
  for (const request of [
    'zod',
    'zod/v4/core',
    'litany',
    'single-spa-react',
    '@tractor/shared/events',
    './x.js',
  ]) {
    assert.equal(isSharedRequest(request), false, request);
  }
});
