// Types for pictures.js (plain JavaScript, because webpack configs read it too).

/** The kinds of picture: the keys of PICTURE_KINDS (pictures.test.ts checks they agree). */
export type PictureKind = 'product' | 'store' | 'scene';

export const PICTURE_PREFIX: string;
export const PICTURE_KINDS: Readonly<Record<PictureKind, number>>;
export const PICTURE_SCALES: readonly number[];
export const FAVICON_FILE: string;
export function pictureAt(picture: string, scale?: number): string;
export function pictureFile(kind: PictureKind, name: string, scale?: number): string;
export function pictureUrl(kind: PictureKind, name: string, scale?: number): string;
