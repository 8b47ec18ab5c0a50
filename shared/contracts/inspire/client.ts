// Inspire's typed client: one method per route of Inspire's contract, for the browser (same origin) and for
// services (with a baseUrl). It parses every answer with the contract's schemas.
import { request, type RequestOptions } from '../http.js';
import { inspireRoutes as routes } from './index.js';

export type ClientOptions = Omit<RequestOptions, 'signal'>;

export class InspireClient {
  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.#options = options;
  }

  recommendations(skus: readonly string[], signal?: AbortSignal) {
    return request(routes.recommendations, { query: { skus: skus.join(',') } }, { ...this.#options, signal });
  }
}
