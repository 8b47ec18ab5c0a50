import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import {
  FAVICON_FILE,
  PICTURE_PREFIX,
  PICTURE_SCALES,
  pictureFile,
  pictureUrl,
} from '@tractor/shared/pictures';
import { srcset } from '@tractor/shared/ui/srcset';
import { cdnFiles, drawings } from './images.js';

test('every file a picture’s srcset names is on the CDN, as wide as its descriptor says', async () => {
  const files: Map<string, Buffer | string> = await cdnFiles();
  const pictures = drawings();
  assert.ok(pictures.length > 50, 'every variant, scene and store is drawn');
  for (const { kind, name } of pictures) {
    const candidates = srcset(pictureUrl(kind, name)).split(', ');
    assert.equal(candidates.length, PICTURE_SCALES.length, `${kind} ${name}: a file per scale`);
    for (const candidate of candidates) {
      const [url = '', descriptor = ''] = candidate.split(' ');
      assert.ok(url.startsWith(PICTURE_PREFIX), url);
      const file = files.get(url.slice(PICTURE_PREFIX.length));
      assert.ok(Buffer.isBuffer(file), `${url} is rendered`);
      const { width, format } = await sharp(file).metadata();
      assert.equal(format, 'webp');
      assert.equal(`${width}w`, descriptor, `${url} is ${descriptor} wide`);
    }
  }
  // Nothing else: a file per picture and scale, and the favicon.
  const named = pictures.flatMap(({ kind, name }) => PICTURE_SCALES.map((s) => pictureFile(kind, name, s)));
  assert.deepEqual([...files.keys()].sort(), [FAVICON_FILE, ...named].sort());
  assert.match(String(files.get(FAVICON_FILE)), /^<svg /);
});

test('a picture outside the known folders keeps its one file', () => {
  assert.equal(srcset(`${PICTURE_PREFIX}elsewhere/x.webp`), `${PICTURE_PREFIX}elsewhere/x.webp`);
});
