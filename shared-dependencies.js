// The libraries that more than one module needs at run time. Each is served once, from our own origin,
// and mapped in the page's import map; every webpack build marks them as externals. This file is the one
// list both sides read, so a library can never be bundled by one team and mapped for another.

/** npm packages copied as they are into the root config's dist/shared/npm/<name>@<version>/. */
export const sharedPackages = [
  { name: 'single-spa', entry: 'lib/es2015/esm/single-spa.min.js' },
  { name: 'single-spa-layout', entry: 'dist/esm/single-spa-layout.min.js' },
  // Web Vitals with attribution, for the shell's field signals (loaded after the page works, never preloaded).
  { name: 'web-vitals', entry: 'dist/web-vitals.attribution.js', specifier: 'web-vitals/attribution' },
];

/** Modules the root config builds from our own sources: the specifiers they answer, their source file. */
export const sharedBuilds = [
  // Lit, @lit/task and Lit's hydration support (the page imports it before anything loads lit-element), as
  // one module (shared/lit/index.ts says why).
  {
    specifiers: ['lit', '@lit/task', '@lit-labs/ssr-client/lit-element-hydrate-support.js'],
    name: 'lit',
    source: 'shared/lit/index.ts',
  },
  // zod/mini, tree-shaken to the functions our contracts use: one copy for every team's client.
  { specifiers: ['zod/mini'], name: 'zod-mini', source: 'shared/zod-mini/index.ts' },
  // The pattern library (the spec's bonus 1).
  { specifiers: ['@tractor/shared/ui'], name: 'tractor-ui', source: 'shared/ui/index.ts' },
  // msw for mock mode and standalone pages (development only: ~90 KB gz, never on a shopper's page).
  { specifiers: ['msw', 'msw/browser'], name: 'msw', source: 'shared/msw/index.ts' },
];

/** Is this import request served by the import map rather than bundled? */
export function isSharedRequest(request) {
  return (
    sharedPackages.some(
      (p) => request === (p.specifier ?? p.name) || (p.subpaths && request.startsWith(`${p.name}/`)),
    ) || sharedBuilds.some((b) => b.specifiers.includes(request))
  );
}
