import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { srcset } from '@tractor/shared/ui/srcset';
import { cdnFiles, cdnImages } from './images.js';

test('every file a picture’s srcset names is on the CDN, as wide as its descriptor says', async () => {
  const files: Map<string, Buffer | string> = await cdnFiles();
  const pictures = [...cdnImages().keys()].filter((file) => file !== 'favicon.svg');
  assert.ok(pictures.length > 50, 'every variant, scene and store is drawn');
  for (const drawing of pictures) {
    const candidates = srcset(`/cdn/img/${drawing.replace(/\.svg$/, '.webp')}`).split(', ');
    assert.equal(candidates.length, 3, `${drawing}: three widths`);
    for (const candidate of candidates) {
      const [url = '', descriptor = ''] = candidate.split(' ');
      const file = files.get(url.replace('/cdn/img/', ''));
      assert.ok(Buffer.isBuffer(file), `${url} is rendered`);
      const { width, format } = await sharp(file).metadata();
      assert.equal(format, 'webp');
      assert.equal(`${width}w`, descriptor, `${url} is ${descriptor} wide`);
    }
  }
});

test('a picture outside the known folders keeps its one file', () => {
  assert.equal(srcset('/cdn/img/elsewhere/x.webp'), '/cdn/img/elsewhere/x.webp');
});
