// The architecture's rules are lint rules (eslint.config.js), and these tests show they catch what they say:
// Lit or the DOM in a model, the service chassis or Node in browser code, a function or a class that is no
// ReactiveController in a team's controllers/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: path.join(import.meta.dirname, '..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

test('a model may not use Lit, views or the DOM; plain TypeScript and EventTarget are fine', async () => {
  const model = 'microfrontends/explore/src/model/example.ts';
  const found = await problems(
    model,
    "import { html } from 'lit';\nimport { x } from '../views/styles.js';\nexport const y = [html, x, document.title];\n",
  );
  assert.equal(found.filter((p) => p.startsWith('no-restricted-imports')).length, 2, found.join('\n'));
  assert.equal(found.filter((p) => p.startsWith('no-restricted-globals')).length, 1, found.join('\n'));
  assert.deepEqual(
    await problems(
      model,
      "export class Listing extends EventTarget {\n  changed = () => this.dispatchEvent(new Event('change'));\n}\n",
    ),
    [],
  );
});

test('browser code may not import the service chassis, a server library or Node built-ins', async () => {
  for (const file of [
    'microfrontends/decide/src/views/example.ts',
    'shared/ui/example.ts',
    'mocks/explore/example.ts',
  ]) {
    const found = await problems(
      file,
      "import { addRoute } from '@tractor/chassis';\nimport Fastify from 'fastify';\nimport { readFile } from 'node:fs/promises';\nexport const x = [addRoute, Fastify, readFile];\n",
    );
    assert.equal(
      found.filter((p) => p.startsWith('no-restricted-imports')).length,
      3,
      `${file}\n${found.join('\n')}`,
    );
  }
  // A team's server-side renderer and its tests run in Node.
  assert.deepEqual(
    await problems(
      'microfrontends/decide/src/ssr.ts',
      "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
    ),
    [],
  );
});

test('controllers/ holds ReactiveControllers: a class implementing ReactiveController or a SeededTask', async () => {
  const controller = 'microfrontends/checkout/src/controllers/example.ts';
  const found = await problems(
    controller,
    'export function messageOf(error: unknown) {\n  return String(error);\n}\n' +
      'export const announce = (quantity: number) => quantity;\n' +
      'export class CartController {\n  load() {}\n}\n',
  );
  assert.equal(found.filter((p) => p.startsWith('no-restricted-syntax')).length, 3, found.join('\n'));
  assert.deepEqual(
    await problems(
      controller,
      "import type { ReactiveController, ReactiveControllerHost } from 'lit';\n" +
        "import { SeededTask } from '@tractor/shared/spa';\n" +
        "export const THANKS_URL = '/checkout/thanks';\n" +
        'export class ClockController implements ReactiveController {\n' +
        '  constructor(host: ReactiveControllerHost) {\n    host.addController(this);\n  }\n' +
        '  hostConnected() {}\n}\n' +
        'export class CountController extends SeededTask<[], number> {}\n',
    ),
    [],
  );
});
