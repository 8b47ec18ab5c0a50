// Inspire's HTTP surface: each route of the contract, answered from the variants' colours.
import type { FastifyInstance } from 'fastify';
import { inspireRoutes as routes } from '@tractor/shared/contracts/inspire';
import { addRoute, createServiceApp, type ServiceOptions } from '@tractor/chassis';
import { recommend, toRecommendation } from './recommendations.js';
import { Variants } from './variants.js';

export async function buildInspireApp(options: Omit<ServiceOptions, 'team'>): Promise<FastifyInstance> {
  const app = await createServiceApp({ ...options, team: 'inspire', routes });
  const variants = new Variants(options.db);

  addRoute(app, routes.recommendations, async ({ query }) => ({
    recommendations: recommend(await variants.all(), query.skus).map(toRecommendation),
  }));

  return app;
}
