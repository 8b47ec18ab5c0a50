// Decide's service, mocked: the happy path of every route of its contract.
import { decideRoutes as routes } from '@tractor/shared/contracts/decide';
import { HttpError } from '@tractor/shared/contracts/http';
import { mockRoute } from '../contract-handler.js';
import { products } from './data.js';

export const decideHandlers = [
  mockRoute(routes.product, ({ params }) => {
    const product = products.find((p) => p.id === params.id);
    if (!product) throw new HttpError(404, `There is no product ${params.id}.`, 'id');
    return product;
  }),
];
