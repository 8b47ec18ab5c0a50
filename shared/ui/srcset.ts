// The CDN serves every picture as WebP at three widths: 0.6×, 1× and 2× the drawing's (`<name>@0.6x.webp`,
// `<name>.webp`, `<name>@2x.webp`; platform/pictures/images.js renders them). `srcset` names all three by width and
// `sizes` says how wide the picture shows, so the browser fetches — and decodes, before the frame that shows it —
// no more pixels than the screen needs: a product tile on a desktop takes the 240-pixel file, the product page's
// picture the 800-pixel one. No Lit here: the gateway's preload links use it too.
import { from } from './breakpoints.js';

/** The widths the CDN renders each picture at, as factors of the drawing's width. */
export const PICTURE_SCALES = [0.6, 1, 2] as const;

/** The drawings' widths, by folder under /cdn/img/ (the heights follow: 4:3 pictures, 16:9 scenes). */
const DRAWING_WIDTHS: Readonly<Record<string, number>> = { product: 400, store: 400, scene: 800 };

/** How wide a picture shows, per place the pattern library knows (CSS lengths, for `sizes`). */
export const PICTURE_SIZES = {
  /** A tile in a grid of tiles (tileStyles): five to a row on a wide screen, two or one on a phone. */
  tile: `${from('wide')} 14rem, ${from('phone')} 20rem, 100vw`,
  /** A half-width picture: the home page's scenes, the product page's picture. */
  half: `${from('tablet')} 50vw, 100vw`,
  /** A thumbnail: a basket line, a store in the picker. */
  thumb: '7.5rem',
} as const;

export type PictureSize = keyof typeof PICTURE_SIZES;

/** The file of a CDN picture at one of its scales. */
const pictureAt = (src: string, scale: number) =>
  scale === 1 ? src : src.replace(/\.webp$/, `@${scale}x.webp`);

/** The srcset of a CDN picture: its three files with their widths (only the 1× file for an unknown folder). */
export function srcset(src: string): string {
  const width = DRAWING_WIDTHS[/\/cdn\/img\/([\w-]+)\//.exec(src)?.[1] ?? ''];
  if (!width) return src;
  return PICTURE_SCALES.map((scale) => `${pictureAt(src, scale)} ${Math.round(width * scale)}w`).join(', ');
}
