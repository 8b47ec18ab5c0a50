// Explore's service, mocked: Explore's data module (the source of the service's seed), shown by the same
// functions and in the same order as the service — mock mode has the store's whole catalogue. Tests override
// per case (server.use(failRoute(...))).
import { exploreRoutes as routes } from '@tractor/shared/contracts/explore';
import { HttpError } from '@tractor/shared/contracts/http';
import {
  categories,
  categoryOf,
  products,
  stores,
  storeOf,
  teasers,
  teaserOf,
  tileOf,
} from '@tractor/explore-service/data';
import { mockRoute } from '../contract-handler.js';

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

export const exploreHandlers = [
  mockRoute(routes.home, () => ({ teasers: [...teasers].sort(byPosition).map(teaserOf) })),

  mockRoute(routes.products, ({ query }) => {
    const listed = products
      .filter((p) => !query.category || p.categoryKey === query.category)
      .sort(
        (a, b) =>
          (query.sort === 'price-asc' ? a.startPrice - b.startPrice : b.startPrice - a.startPrice) ||
          byPosition(a, b),
      );
    const all = [...categories].sort(byPosition).map(categoryOf);
    return {
      category: all.find((c) => c.key === query.category) ?? null,
      categories: all,
      products: listed.map(tileOf),
    };
  }),

  mockRoute(routes.stores, () => ({ stores: [...stores].sort(byPosition).map(storeOf) })),

  mockRoute(routes.store, ({ params }) => {
    const store = stores.find((s) => s.id === params.id);
    if (!store) throw new HttpError(404, { message: `There is no store ${params.id}.`, field: 'id' });
    return storeOf(store);
  }),
];
