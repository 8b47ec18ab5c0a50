// Inspire's server-side rendering (Node only; the team's service serves it to the shell): its fragment and the
// data it is rendered with, loaded through Inspire's own typed client, answered in-process by the service.
// Importing the view defines the element for Lit SSR.
import type { TeamRenderer } from '@tractor/shared/spa/render-types';
import { serverBundle } from '@tractor/shared/spa/server-render';
import { InspireClient } from '@tractor/shared/contracts/inspire/client';
import { parseSkuList } from './model/sku-list.js';
import type { RecommendationsSeed } from './controllers/recommendations-controller.js';
import './views/inspire-recommendations.js';

/** The variants' colours change with a deploy of new data, not per shopper: a minute is fine. */
const CATALOG = 60;

export const renderer: TeamRenderer = {
  pages: {},
  fragments: {
    'inspire-recommendations': async ({ fetch }, { skus = '' }) => ({
      tag: 'inspire-recommendations',
      attributes: { skus },
      seed: {
        skus,
        recommendations: (await new InspireClient({ fetch }).recommendations(parseSkuList(skus)))
          .recommendations,
      } satisfies RecommendationsSeed,
      maxAge: CATALOG,
    }),
  },
};

/** The team's server entry (tractor-<team>-ssr): what its service loads for this build. */
export default serverBundle(renderer);
