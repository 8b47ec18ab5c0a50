// Explore's server-side rendering (Node only; the team's service serves it to the shell): which element each
// of Explore's pages and fragments is, and the data it is rendered with — loaded through Explore's own typed
// client, answered in-process by the service. Importing the views defines Explore's elements for Lit SSR.
import type { TeamRenderer } from '@tractor/shared/spa/render-types';
import { serverBundle } from '@tractor/shared/spa/server-render';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { categoryFromPath, namesUnknownCategory } from './model/category-listing.js';
import './views/home-page.js';
import type { HomeSeed } from './views/home-page.js';
import './views/explore-header.js';
import './views/explore-footer.js';
import './views/category-page.js';
import './views/stores-page.js';

/** Catalog and stores change with a deploy of new data, not per shopper: a minute is fine. */
const CATALOG = 60;

export const renderer: TeamRenderer = {
  pages: {
    home: async ({ fetch }) => {
      const seed: HomeSeed = { teasers: (await new ExploreClient({ fetch }).home()).teasers };
      return { tag: 'explore-home-page', seed, maxAge: CATALOG };
    },
    // An unknown category shows all machines (the shop's spec), but the URL names nothing: a 404.
    category: async ({ url, fetch }) => ({
      tag: 'explore-category-page',
      seed: await new ExploreClient({ fetch }).products(categoryFromPath(url.pathname)),
      maxAge: CATALOG,
      ...(namesUnknownCategory(url.pathname) ? { status: 404 } : {}),
    }),
    stores: async ({ fetch }) => ({
      tag: 'explore-stores-page',
      seed: (await new ExploreClient({ fetch }).stores()).stores,
      maxAge: CATALOG,
    }),
  },
  fragments: {
    'explore-header': async () => ({ tag: 'explore-header', maxAge: CATALOG }),
    'explore-footer': async () => ({ tag: 'explore-footer', maxAge: CATALOG }),
  },
};

/** The team's server entry (tractor-<team>-ssr): what its service loads for this build. */
export default serverBundle(renderer);
