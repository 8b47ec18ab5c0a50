// The one rule for our pictures' URLs and files. The CDN serves each picture under PICTURE_PREFIX, in the
// folder of its kind, as WebP at each of PICTURE_SCALES: `<kind>/<name>.webp` at its drawing's size,
// `<name>@0.6x.webp` and `<name>@2x.webp` beside it. The services write their pictures' URLs with it, the
// pattern library's srcset names the other scales' files by it, platform/pictures/ renders exactly those
// files, and the dev server and the root config's build serve them under its prefix. Plain JavaScript because
// webpack configs read it too (types in pictures.d.ts). The pattern library bundles it for the browser: keep
// it tiny and constant — nothing computed when the module loads, so whatever a bundle does not call is dropped.

/** Where the CDN serves our pictures: every picture's URL starts with it. */
export const PICTURE_PREFIX = '/cdn/img/';

/** The kinds of picture, each a folder under PICTURE_PREFIX, by their drawings' width (4:3, scenes 16:9). */
export const PICTURE_KINDS = { product: 400, store: 400, scene: 800 };

/** The widths the CDN renders each picture at, as factors of its drawing's width. */
export const PICTURE_SCALES = [0.6, 1, 2];

/** The favicon's file under PICTURE_PREFIX: the one picture served as its SVG drawing. */
export const FAVICON_FILE = 'favicon.svg';

/** A picture's file or URL at one of PICTURE_SCALES, from its file or URL at 1×: `….webp` → `…@2x.webp`. */
export const pictureAt = (picture, scale = 1) =>
  scale === 1 ? picture : picture.replace(/\.webp$/, `@${scale}x.webp`);

/** A picture's file under PICTURE_PREFIX at a scale: `product/CL-01-GR.webp`, `scene/classics@2x.webp`. */
export const pictureFile = (kind, name, scale = 1) => pictureAt(`${kind}/${name}.webp`, scale);

/** A picture's URL at a scale: `/cdn/img/product/CL-01-GR.webp`, `/cdn/img/scene/classics@2x.webp`. */
export const pictureUrl = (kind, name, scale = 1) => PICTURE_PREFIX + pictureFile(kind, name, scale);
