// Inspire's contract: recommendations by colour for the SKUs a page shows.
import * as z from 'zod/mini';
import { defineRoutes } from '../http.js';
import { Sku } from '../ids.js';

export { Sku, SKU_PATTERN } from '../ids.js';
/** At most this many SKUs per recommendations request (a full cart stays far below it). */
export const MAX_SKUS = 50;

export const Recommendation = z.object({
  sku: Sku,
  name: z.string(),
  url: z.string(),
  image: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** "CL-01-GY,AU-07-MT" on the wire, a list of SKUs once parsed; empty means "no SKUs". */
export const SkuList = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(MAX_SKUS * 9, `must list at most ${MAX_SKUS} SKUs`)),
    z.transform((text: string) => (text === '' ? [] : text.split(','))),
  ),
  z.array(Sku).check(z.maxLength(MAX_SKUS, `must list at most ${MAX_SKUS} SKUs`)),
);

export const inspireRoutes = defineRoutes({
  recommendations: {
    method: 'GET',
    path: '/inspire/api/recommendations',
    // The variants' colours change only when Inspire deploys: reused for a minute, shown stale for a day.
    cache: { maxAge: 60, staleWhileRevalidate: 86_400, changesWith: 'deploy' },
    // Unknown (well-formed) SKUs are ignored: a cart may hold a SKU the catalogue no longer lists.
    query: z.object({ skus: z._default(SkuList, []) }),
    response: z.object({ recommendations: z.array(Recommendation) }),
  },
});
export type InspireRoutes = typeof inspireRoutes;
