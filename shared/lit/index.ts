// Lit, as one module: what every team's elements import ('lit', '@lit/task') and the hydration support that
// must run before lit-element does, bundled together. Served as a dozen files, each a round trip the page's
// boot waited for (measured: the first routing event, i.e. the page hydrated, came 90–110 ms later under
// throttling, ≈ 50 ms later plain). Client code imports only these specifiers; a new one (a directive) is
// exported here, or it would bring a second Lit (shared-dependencies.test.ts checks).
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

export * from 'lit';
export * from '@lit/task';
