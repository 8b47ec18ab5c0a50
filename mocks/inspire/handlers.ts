// Inspire's service, mocked: the same algorithm on the same data module as the service's seed, so mock mode
// recommends exactly what the real store does (the contract test compares them).
import { inspireRoutes as routes } from '@tractor/shared/contracts/inspire';
import { variants } from '@tractor/inspire-service/data';
import { recommend, toRecommendation } from '@tractor/inspire-service/recommendations';
import { mockRoute } from '../contract-handler.js';

export const inspireHandlers = [
  mockRoute(routes.recommendations, ({ query }) => ({
    recommendations: recommend(variants, query.skus).map(toRecommendation),
  })),
];
