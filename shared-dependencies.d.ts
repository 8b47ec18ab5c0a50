// Types for shared-dependencies.js (plain JavaScript, because webpack configs read it too).
export interface SharedPackage {
  readonly name: string;
  readonly entry: string;
  readonly subpaths?: boolean;
  /** The specifier the import map answers, when it is not the package's name (e.g. "web-vitals/attribution"). */
  readonly specifier?: string;
}
export interface SharedBuild {
  readonly specifiers: readonly string[];
  readonly name: string;
  readonly source: string;
}
export const sharedPackages: readonly SharedPackage[];
export const sharedBuilds: readonly SharedBuild[];
export function isSharedRequest(request: string): boolean;
