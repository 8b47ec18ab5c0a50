import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBoundaries } from './check-boundaries.js';

test('the repository keeps its boundaries', () => {
  assert.deepEqual(checkBoundaries(path.join(import.meta.dirname, '..')), []);
});

test('a team importing another team, an undeclared package, and browser code importing the platform, are caught', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  try {
    write(
      'package.json',
      JSON.stringify({
        workspaces: ['shared', 'mocks', 'root-config', 'platform', 'microfrontends/*', 'services/*'],
      }),
    );
    write('platform/package.json', JSON.stringify({ name: '@tractor/platform' }));
    write('platform/gateway/csp.ts', 'export const nonce = 1;');
    write('platform/server.ts', "import { nonce } from './gateway/csp.js';");
    write('root-config/package.json', JSON.stringify({ name: '@tractor/root-config' }));
    // The shell's build may render the platform's pictures; its browser code may not import the platform.
    write('root-config/webpack.config.js', "import { nonce } from '../platform/gateway/csp.js';");
    write('root-config/src/shell.ts', "import { nonce } from '../../platform/gateway/csp.js';");
    write(
      'mocks/package.json',
      JSON.stringify({ name: '@tractor/mocks', dependencies: { '@tractor/beta-service': '*' } }),
    );
    // A team's mock may read its own team's data module, not another team's mock or data.
    write('mocks/beta/handlers.ts', "import { rows } from '@tractor/beta-service/data';");
    write('mocks/alpha/handlers.ts', "import { rows } from '../beta/handlers.js';");
    write('shared/package.json', JSON.stringify({ name: '@tractor/shared' }));
    write('shared/contracts/beta.ts', 'export const routes = {};');
    write(
      'microfrontends/alpha/package.json',
      JSON.stringify({
        name: '@tractor/alpha',
        dependencies: { lit: '*', '@tractor/shared': '*', '@tractor/beta-service': '*' },
      }),
    );
    write('microfrontends/beta/package.json', JSON.stringify({ name: '@tractor/beta' }));
    write('microfrontends/beta/src/model.ts', 'export const x = 1;');
    write('services/beta/package.json', JSON.stringify({ name: '@tractor/beta-service' }));
    write(
      'microfrontends/alpha/src/ok.ts',
      [
        "import { html } from 'lit';",
        "import { routes } from '@tractor/shared/contracts/beta';",
        "import { readFile } from 'node:fs/promises';",
        "import './views/own.js';",
      ].join('\n'),
    );
    write(
      'microfrontends/alpha/src/bad.ts',
      [
        "import { x } from '../../beta/src/model.js';",
        "import type { Y } from '@tractor/beta-service';",
        "const z = await import('left-pad');",
      ].join('\n'),
    );
    const found = checkBoundaries(root).map((v) => `${v.file} ${v.specifier}: ${v.reason}`);
    assert.deepEqual(found, [
      "mocks/alpha/handlers.ts ../beta/handlers.js: imports team beta's file",
      "root-config/src/shell.ts ../../platform/gateway/csp.js: browser code imports the platform's server code",
      "microfrontends/alpha/src/bad.ts ../../beta/src/model.js: imports team beta's file",
      "microfrontends/alpha/src/bad.ts @tractor/beta-service: imports team beta's package",
      'microfrontends/alpha/src/bad.ts left-pad: left-pad is not declared in microfrontends/alpha/package.json',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
