// Decide's contract: a product with its highlights and variants, for the product page.
import * as z from 'zod/mini';
import { defineRoutes } from '../http.js';
import { ProductId, Sku } from '../ids.js';

export { ProductId, Sku } from '../ids.js';

export const Variant = z.object({
  sku: Sku,
  /** The colour's name, e.g. "Verdant Field". */
  name: z.string(),
  /** The colour as #rrggbb. */
  colour: z.string().check(z.regex(/^#[0-9a-f]{6}$/)),
  price: z.int(),
  image: z.string(),
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.object({
  id: ProductId,
  name: z.string(),
  category: z.string(),
  highlights: z.array(z.string()),
  /** At least one; the first is shown when no (or an unknown) SKU is asked for. */
  variants: z.array(Variant),
});
export type Product = z.infer<typeof Product>;

export const decideRoutes = defineRoutes({
  product: {
    method: 'GET',
    path: '/decide/api/products/:id',
    // Decide's products change only when Decide deploys.
    cache: { maxAge: 60, staleWhileRevalidate: 86_400, changesWith: 'deploy' },
    params: z.object({ id: ProductId }),
    response: Product,
  },
});
export type DecideRoutes = typeof decideRoutes;
