import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as shared from './index.js';

const root = path.join(import.meta.dirname, '../..');

async function browserSources(): Promise<string[]> {
  const dirs = ['shared/contracts', 'microfrontends'];
  const files: string[] = [];
  for (const dir of dirs) {
    for (const entry of await readdir(path.join(root, dir), { recursive: true })) {
      const file = String(entry);
      // The platform's contracts (the import map, field signals) are parsed by Node only: the gateway and the
      // deploy command. The browser's field signals import rum.ts's types, not its schemas.
      if (file === 'importmap.ts' || file === 'rum.ts') continue;
      if (file.endsWith('.ts') && !file.includes('node_modules') && !file.endsWith('.test.ts')) {
        files.push(path.join(root, dir, file));
      }
    }
  }
  return files;
}

test('the shared zod/mini module provides every zod function browser code calls', async () => {
  const used = new Set<string>();
  for (const file of await browserSources()) {
    const text = await readFile(file, 'utf8');
    if (!/from 'zod\/mini'/.test(text)) continue;
    for (const match of text.matchAll(/\bz\.(\w+)\s*[(<]/g)) used.add(match[1]!);
  }
  assert.ok(used.has('object'), 'the scan found the contracts');
  const missing = [...used].filter(
    (name) => !(name in shared) && name !== 'infer' && name !== 'input' && name !== 'output',
  );
  assert.deepEqual(missing, [], `add these to shared/zod-mini/index.ts: ${missing.join(', ')}`);
});
