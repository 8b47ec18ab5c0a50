// Types of images.js (plain JavaScript: the webpack configs import it as it is).
export function classicTractor(colour: string): string;
export function autonomousTractor(colour: string): string;
export function productImage(sku: string): string;
export const scenes: Readonly<Record<string, string>>;
export function storeImage(id: string, index: number): string;
export const favicon: string;
/** Every drawing: path under /cdn/img/ → SVG text. */
export function cdnImages(): Map<string, string>;
/** Every file the CDN serves under /cdn/img/: each picture as WebP at each scale, the favicon as SVG. */
export function cdnFiles(): Promise<Map<string, Buffer | string>>;
