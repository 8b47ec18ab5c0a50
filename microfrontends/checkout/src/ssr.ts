// Checkout's server-side rendering (Node only; the team's service serves it to the shell): the fragments
// other teams' pages hold — the mini cart (from the shopper's cart cookie, which the shell forwards), add to
// cart (the SKU's offer) and the compact header. Checkout's own pages are rendered in the browser.
import type { TeamRenderer } from '@tractor/shared/spa/render-types';
import { serverBundle } from '@tractor/shared/spa/server-render';
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';
import './views/mini-cart.js';
import './views/add-to-cart.js';
import './views/compact-header.js';

export const renderer: TeamRenderer = {
  pages: {},
  fragments: {
    'checkout-mini-cart': async ({ fetch }) => ({
      tag: 'checkout-mini-cart',
      seed: (await new CheckoutClient({ fetch }).cart()).quantity,
      // Without a cart cookie every shopper's mini cart is the same empty one: the shell may reuse it.
      maxAge: 60,
      perShopper: true,
    }),
    'checkout-add-to-cart': async ({ fetch }, { sku }) =>
      sku
        ? {
            tag: 'checkout-add-to-cart',
            attributes: { sku },
            seed: await new CheckoutClient({ fetch }).offer(sku),
          }
        : undefined,
    'checkout-compact-header': async () => ({ tag: 'checkout-compact-header', maxAge: 60 }),
  },
};

/** The team's server entry (tractor-<team>-ssr): what its service loads for this build. */
export default serverBundle(renderer);
