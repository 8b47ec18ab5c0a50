// Decide's service, mocked: every product of Decide's data module (the source of the service's seed), shown
// by the same function the service uses — mock mode has the store's whole range.
import { decideRoutes as routes } from '@tractor/shared/contracts/decide';
import { HttpError } from '@tractor/shared/contracts/http';
import { highlights, productOf, products, variants } from '@tractor/decide-service/data';
import { mockRoute } from '../contract-handler.js';

export const decideHandlers = [
  mockRoute(routes.product, ({ params }) => {
    const product = products.find((p) => p.id === params.id);
    if (!product) throw new HttpError(404, { message: `There is no product ${params.id}.`, field: 'id' });
    return productOf(
      product,
      highlights.filter((h) => h.productId === product.id),
      variants.filter((v) => v.productId === product.id),
    );
  }),
];
