// Types of images.js (plain JavaScript: the webpack configs import it as it is).
import type { PictureKind } from '@tractor/shared/pictures';

export function classicTractor(colour: string): string;
export function autonomousTractor(colour: string): string;
export function productImage(sku: string): string;
export const scenes: Readonly<Record<string, string>>;
export function storeImage(id: string, index: number): string;
export const favicon: string;
/** Every picture we draw: its kind and name (shared/pictures.js), and its SVG drawing. The favicon aside. */
export function drawings(): { kind: PictureKind; name: string; svg: string }[];
/** Every file the CDN serves under the pictures' prefix: each picture as WebP at each scale, the favicon as SVG. */
export function cdnFiles(): Promise<Map<string, Buffer | string>>;
