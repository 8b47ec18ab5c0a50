// srcset names each picture's files as the CDN serves them (shared/pictures.js), byte for byte what the pages,
// the gateway's preloads and the e2e tests expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pictureUrl } from '../pictures.js';
import { srcset } from './srcset.js';

test("a picture's srcset: its files at 0.6×, 1× and 2× with their widths", () => {
  assert.equal(
    srcset(pictureUrl('product', 'CL-01-GR')),
    '/cdn/img/product/CL-01-GR@0.6x.webp 240w, /cdn/img/product/CL-01-GR.webp 400w, /cdn/img/product/CL-01-GR@2x.webp 800w',
  );
  assert.equal(
    srcset(pictureUrl('store', 'store-c')),
    '/cdn/img/store/store-c@0.6x.webp 240w, /cdn/img/store/store-c.webp 400w, /cdn/img/store/store-c@2x.webp 800w',
  );
  assert.equal(
    srcset(pictureUrl('scene', 'classics')),
    '/cdn/img/scene/classics@0.6x.webp 480w, /cdn/img/scene/classics.webp 800w, /cdn/img/scene/classics@2x.webp 1600w',
  );
});

test('any other URL is its own srcset', () => {
  for (const url of [
    '/cdn/img/elsewhere/x.webp',
    '/cdn/img/favicon.svg',
    '/product/CL-01-GR.webp',
    'https://example.com/x.webp',
    '',
  ]) {
    assert.equal(srcset(url), url);
  }
});
