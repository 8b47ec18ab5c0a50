// Emits the CDN's files into the root config's build: our pictures (WebP, from our SVG drawings) and the fonts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { PICTURE_PREFIX } from '@tractor/shared/pictures';
import { cdnFiles } from './images.js';

const FONT_DIR = path.join(import.meta.dirname, '../../node_modules/@fontsource/inter/files');
export const FONT_FILES = ['inter-latin-400-normal.woff2', 'inter-latin-700-normal.woff2'];

export class CdnPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CdnPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'CdnPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          // The build's folder is the pictures' URL prefix without its leading slash.
          for (const [file, content] of await cdnFiles()) {
            compilation.emitAsset(
              `${PICTURE_PREFIX.slice(1)}${file}`,
              new webpack.sources.RawSource(content),
            );
          }
          for (const font of FONT_FILES) {
            compilation.emitAsset(
              `cdn/fonts/${font}`,
              new webpack.sources.RawSource(readFileSync(path.join(FONT_DIR, font))),
            );
          }
        },
      );
    });
  }
}
