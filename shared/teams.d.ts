// Types for teams.js (plain JavaScript, because webpack configs read it too).
import type { PictureKind } from './pictures.js';
import type { PictureSize } from './ui/srcset.js';

export interface TeamPage {
  /** The export of the team's module that holds the page's lifecycles; the application is @tractor/<team>/<name>. */
  readonly name: string;
  /** The layout's route path (single-spa-layout syntax). */
  readonly path: string;
  readonly exact?: boolean;
  /** The page's name in the standalone page's switcher. */
  readonly label: string;
  /** A URL to open it with, when the path has parameters. */
  readonly example?: string;
  /**
   * What the page's first view needs, for a page the browser renders itself: data URLs, and pictures (their kind
   * and name, for shared/pictures.js's pictureUrl) with the pattern library's size they show at (so the preload
   * picks the file the page's <img> will), with the path's parameters (":id") filled from the URL. The shell
   * preloads them, so they do not wait for the page's scripts.
   */
  readonly critical?: readonly (string | CriticalPicture)[];
}

export interface CriticalPicture {
  /** The picture's kind and name: ['scene', 'classics'] is pictureUrl('scene', 'classics'). */
  readonly picture: readonly [kind: PictureKind, name: string];
  readonly sizes: PictureSize;
}

export interface TeamEntry {
  readonly name: string;
  /** The team's service listens on the gateway's port + this. */
  readonly portOffset: number;
  /** The team's webpack-dev-server (standalone page, import-map override target). */
  readonly devPort: number;
  /** The team's colour in the boundary overlay. */
  readonly colour: string;
  readonly pages: readonly TeamPage[];
  /** Custom elements the team offers to other teams' pages. */
  readonly fragments: readonly string[];
  /** Attributes to show a fragment with on the team's standalone page, when the team has no pages. */
  readonly examples?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const teams: readonly TeamEntry[];
export function team(name: string): TeamEntry;
export function teamModule(name: string): string;
export function fragmentOwner(tag: string): string | undefined;
