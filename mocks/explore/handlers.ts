// Explore's service, mocked: the happy path of every route of its contract. Tests override per case
// (server.use(failRoute(...))).
import { exploreRoutes as routes } from '@tractor/shared/contracts/explore';
import { HttpError } from '@tractor/shared/contracts/http';
import { mockRoute } from '../contract-handler.js';
import { categories, products, stores, teasers } from './data.js';

export const exploreHandlers = [
  mockRoute(routes.home, () => ({ teasers })),

  mockRoute(routes.products, ({ query }) => {
    const listed = products
      .filter((p) => !query.category || p.key === query.category)
      .map((p) => p.tile)
      .sort((a, b) =>
        query.sort === 'price-asc' ? a.startPrice - b.startPrice : b.startPrice - a.startPrice,
      );
    return {
      category: categories.find((c) => c.key === query.category) ?? null,
      categories,
      products: listed,
    };
  }),

  mockRoute(routes.stores, () => ({ stores })),

  mockRoute(routes.store, ({ params }) => {
    const store = stores.find((s) => s.id === params.id);
    if (!store) throw new HttpError(404, `There is no store ${params.id}.`, 'id');
    return store;
  }),
];
