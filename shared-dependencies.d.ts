// Types for shared-dependencies.js (plain JavaScript, because webpack configs read it too).
export interface SharedPackage {
  readonly name: string;
  readonly entry: string;
  readonly subpaths?: boolean;
}
export interface SharedBuild {
  readonly specifiers: readonly string[];
  readonly name: string;
  readonly source: string;
}
export const sharedPackages: readonly SharedPackage[];
export const sharedBuilds: readonly SharedBuild[];
export function isSharedRequest(request: string): boolean;
