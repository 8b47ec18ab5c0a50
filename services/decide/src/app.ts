// Decide's HTTP surface: each route of the contract, answered from the products.
import type { FastifyInstance } from 'fastify';
import { decideRoutes as routes } from '@tractor/shared/contracts/decide';
import { addRoute, createServiceApp, NotFound, type ServiceOptions } from '@tractor/chassis';
import { Products } from './products.js';

export async function buildDecideApp(options: Omit<ServiceOptions, 'team'>): Promise<FastifyInstance> {
  const app = await createServiceApp({ ...options, team: 'decide', routes });
  const products = new Products(options.db);

  addRoute(app, routes.product, async ({ params }) => {
    const product = await products.byId(params.id);
    if (!product) throw new NotFound({ message: `There is no product ${params.id}.`, field: 'id' });
    return product;
  });

  return app;
}
