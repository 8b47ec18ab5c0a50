// Decide's server-side rendering (Node only; the team's service serves it to the shell): the product page,
// rendered from the product Decide's own typed client loads (answered in-process by the service) — or its
// "not found", with status 404, for an id Decide does not know. The
// fragments inside it (Checkout's add to cart, Inspire's recommendations) stay empty tags here: the shell asks
// their owners for them.
import type { TeamRenderer } from '@tractor/shared/spa/render-types';
import { serverBundle } from '@tractor/shared/spa/server-render';
import { DecideClient } from '@tractor/shared/contracts/decide/client';
import { namesNoProduct, productRoute } from './model/product-selection.js';
import type { ProductSeed } from './controllers/product-controller.js';
import './views/product-page.js';

/** The seed a product page is server-rendered with: the product, or the id Decide does not know. */
export async function loadProductSeed(
  client: DecideClient,
  id: string,
  sku: string | null,
): Promise<ProductSeed> {
  try {
    return { product: await client.product(id), sku };
  } catch (error) {
    if (namesNoProduct(error)) return { missing: id };
    throw error;
  }
}

export const renderer: TeamRenderer = {
  pages: {
    product: async ({ url, fetch }) => {
      const { id, sku } = productRoute(url);
      if (!id) return undefined;
      const seed = await loadProductSeed(new DecideClient({ fetch }), id, sku);
      // Products change with a deploy of new data, not per shopper (stock is Checkout's fragment, not cached).
      // An id Decide does not know: the page's "not found", and the page is a 404.
      return { tag: 'decide-product-page', seed, maxAge: 60, ...('missing' in seed ? { status: 404 } : {}) };
    },
  },
  fragments: {},
};

/** The team's server entry (tractor-<team>-ssr): what its service loads for this build. */
export default serverBundle(renderer);
