// The one rule for our pictures' URLs: the URLs it writes (byte for byte what the services' seed data and
// the e2e tests expect), its kinds as pictures.d.ts types them, and the pages that cannot import it, which
// name the favicon by its prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FAVICON_FILE,
  PICTURE_KINDS,
  PICTURE_PREFIX,
  PICTURE_SCALES,
  pictureAt,
  pictureFile,
  pictureUrl,
  type PictureKind,
} from './pictures.js';

const repoRoot = path.join(import.meta.dirname, '..');

test("a picture's files and URLs, at each scale", () => {
  assert.equal(PICTURE_PREFIX, '/cdn/img/');
  assert.deepEqual(PICTURE_SCALES, [0.6, 1, 2]);
  assert.equal(pictureUrl('product', 'CL-01-GR'), '/cdn/img/product/CL-01-GR.webp');
  assert.equal(pictureUrl('store', 'store-c'), '/cdn/img/store/store-c.webp');
  assert.equal(pictureUrl('scene', 'classics', 1), '/cdn/img/scene/classics.webp');
  assert.deepEqual(
    PICTURE_SCALES.map((scale) => pictureFile('scene', 'autonomous', scale)),
    ['scene/autonomous@0.6x.webp', 'scene/autonomous.webp', 'scene/autonomous@2x.webp'],
  );
  for (const scale of PICTURE_SCALES) {
    assert.equal(
      pictureUrl('product', 'AU-07-MT', scale),
      PICTURE_PREFIX + pictureFile('product', 'AU-07-MT', scale),
    );
    assert.equal(
      pictureAt(pictureUrl('product', 'AU-07-MT'), scale),
      pictureUrl('product', 'AU-07-MT', scale),
    );
  }
});

test('the kinds are the ones pictures.d.ts types, each with its drawing width', () => {
  // Naming every PictureKind, and only those: the type and the module cannot disagree unnoticed.
  const typed: Record<PictureKind, true> = { product: true, store: true, scene: true };
  assert.deepEqual(Object.keys(PICTURE_KINDS).sort(), Object.keys(typed).sort());
  assert.deepEqual(PICTURE_KINDS, { product: 400, store: 400, scene: 800 });
});

test('the pages that cannot import the rule name the favicon under its prefix', () => {
  for (const page of ['root-config/src/index.html', 'shared/dev/standalone.html']) {
    const html = readFileSync(path.join(repoRoot, page), 'utf8');
    const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(icons, [PICTURE_PREFIX + FAVICON_FILE], page);
  }
});

test('no other source writes the prefix: URLs and files come from the rule', () => {
  const sources = [
    'shared',
    'chassis',
    'mocks',
    'platform',
    'root-config',
    'services',
    'microfrontends',
    'scripts',
  ]
    .flatMap((dir) =>
      readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).map(
        (file) => `${dir}/${file}`,
      ),
    )
    .concat(readdirSync(repoRoot).filter((file) => file.endsWith('.js')))
    .filter((file) => /\.[jt]s$/.test(file) && !/\.test\.ts$|(?:^|\/)(?:node_modules|dist)\//.test(file));
  const writers = sources.filter(
    (file) =>
      file !== 'shared/pictures.js' && readFileSync(path.join(repoRoot, file), 'utf8').includes('cdn/img'),
  );
  assert.deepEqual(writers, []);
});
