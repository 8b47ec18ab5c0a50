// single-spa-layout's server build is exported under the "node" condition only, which TypeScript's "bundler"
// resolution does not take: the one function the shell uses, typed here.
declare module 'single-spa-layout/server' {
  export function constructServerLayout(options: { html: string } | { filePath: string }): {
    resolvedRoutes: unknown;
  };
}
