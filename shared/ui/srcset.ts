// The CDN serves every picture as WebP at three widths: 0.6×, 1× and 2× the drawing's (shared/pictures.js names
// the files; platform/pictures/images.js renders them). `srcset` names all three by width and `sizes` says how
// wide the picture shows, so the browser fetches — and decodes, before the frame that shows it — no more pixels
// than the screen needs: a product tile on a desktop takes the 240-pixel file, the product page's picture the
// 800-pixel one. No Lit here: the gateway's preload links use it too.
import { PICTURE_KINDS, PICTURE_PREFIX, PICTURE_SCALES, pictureAt, type PictureKind } from '../pictures.js';
import { from } from './breakpoints.js';

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

/**
 * The srcset of a picture's URL (pictureUrl's, at 1×): its files at each scale with their widths, its drawing's
 * width by the kind's folder it is in. A URL outside those folders as it is.
 */
export function srcset(src: string): string {
  const kind = src.startsWith(PICTURE_PREFIX) && src.slice(PICTURE_PREFIX.length).split('/')[0];
  const width = kind && PICTURE_KINDS[kind as PictureKind];
  if (!width) return src;
  return PICTURE_SCALES.map((scale) => `${pictureAt(src, scale)} ${Math.round(width * scale)}w`).join(', ');
}
