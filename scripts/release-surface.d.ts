// Types for release-surface.js (plain JavaScript, because the webpack build reads it).
export interface ReleaseSurface {
  provides: {
    elements: string[];
    events: string[];
    parts: { pages: string[]; fragments: string[] };
    contract: string;
  };
  uses: { elements: string[]; events: string[] };
}
export declare const DEFAULT_CONTRACT: string;
export declare function releaseSurface(team: string, srcDir: string): ReleaseSurface;
export declare function tagOwner(tag: string): string | undefined;
export declare function eventOwner(name: string): string | undefined;
