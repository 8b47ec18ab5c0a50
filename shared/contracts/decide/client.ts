// Decide's typed client: one method per route of Decide's contract; every answer is parsed with its schema.
import { request, type RequestOptions } from '../http.js';
import { decideRoutes as routes } from './index.js';

export type ClientOptions = Omit<RequestOptions, 'signal'>;

export class DecideClient {
  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.#options = options;
  }

  product(id: string, signal?: AbortSignal) {
    return request(routes.product, { params: { id } }, { ...this.#options, signal });
  }
}
