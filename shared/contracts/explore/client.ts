// Explore's typed client: one method per route of Explore's contract, for the browser (same origin) and for
// other teams' services (with a baseUrl). It parses every answer with the contract's schemas.
import { request, type RequestOptions } from '../http.js';
import { exploreRoutes as routes, type CategoryKey } from './index.js';

export type ClientOptions = Omit<RequestOptions, 'signal'>;

export class ExploreClient {
  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.#options = options;
  }

  home(signal?: AbortSignal) {
    return request(routes.home, {}, { ...this.#options, signal });
  }

  products(category: CategoryKey | undefined, signal?: AbortSignal) {
    return request(routes.products, { query: { category } }, { ...this.#options, signal });
  }

  stores(signal?: AbortSignal) {
    return request(routes.stores, {}, { ...this.#options, signal });
  }

  store(id: string, signal?: AbortSignal) {
    return request(routes.store, { params: { id } }, { ...this.#options, signal });
  }
}
