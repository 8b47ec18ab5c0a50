// Explore's contract: the catalog browsing and stores its service answers.
import * as z from 'zod/mini';
import { defineRoutes } from '../http.js';
import { ProductId, StoreId } from '../ids.js';

export { ProductId, Sku, SKU_PATTERN, StoreId } from '../ids.js';

export const CategoryKey = z.enum(['classic', 'autonomous']);
export type CategoryKey = z.infer<typeof CategoryKey>;

export const Category = z.object({ key: CategoryKey, name: z.string() });
export type Category = z.infer<typeof Category>;

export const Teaser = z.object({ title: z.string(), url: z.string(), image: z.string() });
export type Teaser = z.infer<typeof Teaser>;

export const ProductTile = z.object({
  id: ProductId,
  name: z.string(),
  url: z.string(),
  image: z.string(),
  startPrice: z.int(),
});
export type ProductTile = z.infer<typeof ProductTile>;

export const Store = z.object({
  id: StoreId,
  name: z.string(),
  street: z.string(),
  city: z.string(),
  image: z.string(),
});
export type Store = z.infer<typeof Store>;

export const ProductSort = z.enum(['price-desc', 'price-asc']);

export const ProductsQuery = z.object({
  category: z.optional(CategoryKey),
  sort: z._default(ProductSort, 'price-desc'),
});

/** Explore's data changes only when Explore deploys: reused for a minute, shown stale for a day while refreshed. */
const CATALOGUE = { maxAge: 60, staleWhileRevalidate: 86_400, changesWith: 'deploy' } as const;

export const exploreRoutes = defineRoutes({
  home: {
    method: 'GET',
    path: '/explore/api/home',
    cache: CATALOGUE,
    response: z.object({ teasers: z.array(Teaser) }),
  },
  products: {
    method: 'GET',
    path: '/explore/api/products',
    cache: CATALOGUE,
    query: ProductsQuery,
    response: z.object({
      /** null when no category was asked for: all machines. */
      category: z.nullable(Category),
      categories: z.array(Category),
      products: z.array(ProductTile),
    }),
  },
  stores: {
    method: 'GET',
    path: '/explore/api/stores',
    cache: CATALOGUE,
    response: z.object({ stores: z.array(Store) }),
  },
  store: {
    method: 'GET',
    path: '/explore/api/stores/:id',
    cache: CATALOGUE,
    params: z.object({ id: StoreId }),
    response: Store,
  },
});
export type ExploreRoutes = typeof exploreRoutes;
