// Explore's HTTP surface: each route of the contract, answered from the catalog.
import type { FastifyInstance } from 'fastify';
import { exploreRoutes as routes } from '@tractor/shared/contracts/explore';
import { addRoute, createServiceApp, NotFound, type ServiceOptions } from '@tractor/chassis';
import { Catalog } from './catalog.js';

export async function buildExploreApp(options: Omit<ServiceOptions, 'team'>): Promise<FastifyInstance> {
  const app = await createServiceApp({ ...options, team: 'explore', routes });
  const catalog = new Catalog(options.db);

  addRoute(app, routes.home, async () => ({ teasers: await catalog.teasers() }));

  addRoute(app, routes.products, async ({ query }) => {
    const categories = await catalog.categories();
    return {
      category: categories.find((c) => c.key === query.category) ?? null,
      categories,
      products: await catalog.products(query.category, query.sort),
    };
  });

  addRoute(app, routes.stores, async () => ({ stores: await catalog.stores() }));

  addRoute(app, routes.store, async ({ params }) => {
    const store = await catalog.store(params.id);
    if (!store) throw new NotFound({ message: `There is no store ${params.id}.`, field: 'id' });
    return store;
  });

  return app;
}
