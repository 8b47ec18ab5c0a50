// Explore's typed client: one method per route of Explore's contract. Views never build URLs.
import { exploreRoutes as routes, type CategoryKey } from '@tractor/shared/contracts/explore';
import { request, type RequestOptions } from '@tractor/shared/contracts/http';

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

  recommendations(skus: readonly string[], signal?: AbortSignal) {
    return request(routes.recommendations, { query: { skus: skus.join(',') } }, { ...this.#options, signal });
  }
}

/** The browser's client: same origin, so paths need no base URL. */
export const exploreClient = new ExploreClient();
