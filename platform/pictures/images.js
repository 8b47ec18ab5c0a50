// Our own pictures, drawn as SVG: a tractor per variant (one silhouette for classic machines, one for
// autonomous ones, tinted with the variant's colour), the two home scenes, the four stores and the favicon.
// Pages show them as WebP, rendered from these drawings at build time (`cdnFiles`): Chromium makes every SVG
// <img> a document of its own, parsed, laid out and painted on the page's main thread (measured: ≈ 45 ms each
// at 4× CPU throttling, before the page's own first paint), where a raster decodes off the main thread.
// Fixed sizes: they never shift the layout. Their files and URLs follow the one rule, @tractor/shared/pictures.
import { readFileSync } from 'node:fs';
import { FAVICON_FILE, PICTURE_SCALES, pictureFile } from '@tractor/shared/pictures';

const colours = JSON.parse(readFileSync(new URL('./variant-colours.json', import.meta.url), 'utf8'));

const INK = '#1b1b1b';
const TYRE = '#2a2a2a';

const svg = (width, height, body, label) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}">${body}</svg>\n`;

/** A wheel: tyre, rim in the body colour, hub. */
const wheel = (cx, cy, r, colour) =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${TYRE}"/>` +
  `<circle cx="${cx}" cy="${cy}" r="${r * 0.55}" fill="${colour}" stroke="${INK}" stroke-width="3"/>` +
  `<circle cx="${cx}" cy="${cy}" r="${r * 0.18}" fill="${INK}"/>`;

/** The classic tractor: big rear wheel, cabin, long hood, exhaust. Drawn in a 400×300 box. */
export function classicTractor(colour) {
  return (
    `<ellipse cx="200" cy="278" rx="165" ry="10" fill="#000" opacity=".12"/>` +
    `<rect x="118" y="70" width="10" height="62" rx="3" fill="${INK}"/>` +
    `<path d="M52 140 Q52 124 68 124 H228 V200 H52 Z" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
    `<rect x="46" y="136" width="14" height="56" rx="3" fill="${INK}" opacity=".75"/>` +
    `<path d="M204 200 V70 H316 V200" fill="none" stroke="${INK}" stroke-width="8"/>` +
    `<rect x="212" y="78" width="96" height="70" fill="#d6e9f0" opacity=".85"/>` +
    `<rect x="194" y="56" width="132" height="16" rx="4" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
    `<path d="M186 200 A86 86 0 0 1 358 200" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
    wheel(272, 203, 74, colour) +
    wheel(96, 230, 44, colour)
  );
}

/** The autonomous tractor: no cabin, a low body, a sensor mast with a lidar dome. 400×300 box. */
export function autonomousTractor(colour) {
  return (
    `<ellipse cx="200" cy="278" rx="170" ry="10" fill="#000" opacity=".12"/>` +
    `<rect x="186" y="70" width="28" height="46" rx="4" fill="${INK}"/>` +
    `<circle cx="200" cy="66" r="18" fill="#8fd3ff" stroke="${INK}" stroke-width="4"/>` +
    `<path d="M44 196 V138 Q44 112 72 112 H328 Q356 112 356 138 V196 Z" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
    `<rect x="44" y="144" width="312" height="10" fill="${INK}" opacity=".25"/>` +
    `<rect x="38" y="124" width="14" height="24" rx="4" fill="#ffe27a" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="348" y="124" width="14" height="24" rx="4" fill="#ff7a6b" stroke="${INK}" stroke-width="3"/>` +
    wheel(112, 214, 56, colour) +
    wheel(288, 214, 56, colour)
  );
}

export function productImage(sku) {
  const colour = colours[sku];
  const draw = sku.startsWith('AU-') ? autonomousTractor : classicTractor;
  return svg(400, 300, `<rect width="400" height="300" fill="#f4f2ee"/>${draw(colour)}`, `Tractor ${sku}`);
}

const fieldRows = (colour) =>
  Array.from({ length: 7 }, (_, i) => {
    const y = 330 + i * 18;
    return `<path d="M0 ${y} Q400 ${y - 30} 800 ${y}" stroke="${colour}" stroke-width="6" fill="none" opacity=".5"/>`;
  }).join('');

export const scenes = {
  classics: svg(
    800,
    450,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffcf8a"/><stop offset="1" stop-color="#ffeccc"/></linearGradient></defs>` +
      `<rect width="800" height="450" fill="url(#sky)"/><circle cx="640" cy="110" r="54" fill="#ffb347"/>` +
      `<path d="M0 300 Q200 230 420 290 T800 270 V450 H0 Z" fill="#9cbf5a"/>` +
      `<path d="M0 330 Q400 290 800 330 V450 H0 Z" fill="#c9a15b"/>${fieldRows('#8a6a33')}` +
      `<g transform="translate(250 150) scale(.8)">${classicTractor('#d83a2e')}</g>`,
    'A classic tractor on a field at sunset',
  ),
  autonomous: svg(
    800,
    450,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7cc4f2"/><stop offset="1" stop-color="#dff2ff"/></linearGradient></defs>` +
      `<rect width="800" height="450" fill="url(#sky)"/>` +
      `<g fill="#3b5f8a"><rect x="80" y="220" width="120" height="60" transform="skewX(-20)"/><rect x="230" y="220" width="120" height="60" transform="skewX(-20)"/></g>` +
      `<path d="M0 300 Q300 250 800 290 V450 H0 Z" fill="#6fae5f"/>` +
      `<path d="M0 330 Q400 300 800 330 V450 H0 Z" fill="#4f8f46"/>${fieldRows('#2f6b2a')}` +
      `<g transform="translate(330 150) scale(.8)">${autonomousTractor('#f2b705')}</g>`,
    'An autonomous tractor on a green field',
  ),
};

const storeColours = {
  'store-a': '#7b5ea7',
  'store-b': '#2f8f83',
  'store-c': '#d9822b',
  'store-d': '#3d6fb6',
};

export function storeImage(id, index) {
  const colour = storeColours[id];
  const stripes = Array.from(
    { length: 8 },
    (_, i) => `<rect x="${40 + i * 40}" y="96" width="20" height="34" fill="#fff" opacity=".55"/>`,
  ).join('');
  return svg(
    400,
    300,
    `<rect width="400" height="300" fill="#dfeef7"/><rect y="250" width="400" height="50" fill="#b9b4aa"/>` +
      `<rect x="30" y="60" width="340" height="190" fill="#f4f2ee" stroke="${INK}" stroke-width="4"/>` +
      `<rect x="30" y="40" width="340" height="30" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
      `<path d="M30 96 H370 L360 130 H40 Z" fill="${colour}"/>${stripes}` +
      `<rect x="52" y="146" width="200" height="104" fill="#cfe3ea" stroke="${INK}" stroke-width="4"/>` +
      `<g transform="translate(78 160) scale(.36)">${index % 2 ? autonomousTractor('#f2b705') : classicTractor('#d83a2e')}</g>` +
      `<rect x="278" y="150" width="70" height="100" fill="${colour}" stroke="${INK}" stroke-width="4"/>` +
      `<circle cx="334" cy="202" r="5" fill="${INK}"/>`,
    `The ${id.replace('-', ' ')} shop front`,
  );
}

export const favicon = svg(
  64,
  64,
  `<rect width="64" height="64" rx="14" fill="#f2b705"/><g transform="translate(4 10) scale(.14)">${classicTractor('#1b1b1b')}</g>`,
  'The Tractor Store',
);

/** Every picture we draw: its kind and name (shared/pictures.js), and its SVG drawing. The favicon aside. */
export function drawings() {
  return [
    ...Object.keys(colours).map((sku) => ({ kind: 'product', name: sku, svg: productImage(sku) })),
    ...Object.entries(scenes).map(([name, svg]) => ({ kind: 'scene', name, svg })),
    ...Object.keys(storeColours).map((id, i) => ({ kind: 'store', name: id, svg: storeImage(id, i) })),
  ];
}

/**
 * Every file the CDN serves under the pictures' prefix: each picture as WebP at each of PICTURE_SCALES, named by
 * pictureFile (the pattern library's `srcset` names them), the favicon as SVG (a tab icon is not the page's work).
 */
export async function cdnFiles() {
  const { default: sharp } = await import('sharp');
  const files = new Map([[FAVICON_FILE, favicon]]);
  await Promise.all(
    drawings().map(async ({ kind, name, svg: text }) => {
      for (const scale of PICTURE_SCALES) {
        const webp = await sharp(Buffer.from(text), { density: 72 * scale })
          .webp({ quality: 80, effort: 6 })
          .toBuffer();
        files.set(pictureFile(kind, name, scale), webp);
      }
    }),
  );
  return files;
}
