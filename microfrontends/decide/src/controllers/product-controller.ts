// The product page: follows the URL while mounted. A new product id loads the product from Decide's service;
// a new ?sku= only selects another variant of the product already loaded — no request, no remount.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Product } from '@tractor/shared/contracts/decide';
import { HttpError } from '@tractor/shared/contracts/http';
import { LocationController, SeededTask, readSeed } from '@tractor/shared/spa';
import type { DecideClient } from '../client/decide-client.js';
import { ProductSelection, productRoute } from '../model/product-selection.js';

export interface ProductRenderers<R> {
  pending: () => R;
  complete: (selection: ProductSelection) => R;
  /** The URL names no product Decide knows (or no product id at all). */
  notFound: (id: string | undefined) => R;
  error: (error: unknown) => R;
}

export class ProductController implements ReactiveController {
  readonly #location: LocationController;
  readonly #task: SeededTask<[string | undefined], ProductSelection>;

  constructor(host: ReactiveControllerHost, client: DecideClient, location?: LocationController) {
    host.addController(this);
    this.#location = location ?? new LocationController(host);
    this.#task = new SeededTask(host, {
      task: async ([id], { signal }) => {
        if (!id) throw new HttpError(404, 'No product id in the URL.');
        return new ProductSelection(await client.product(id, signal), this.#route.sku);
      },
      args: () => [this.#route.id],
      // Server-rendered: the product the page was rendered with (if it is the URL's product).
      seed: () => {
        const product = readSeed<Product>(host);
        return product && product.id === this.#route.id
          ? new ProductSelection(product, this.#route.sku)
          : undefined;
      },
    });
  }

  get #route() {
    return productRoute(this.#location.url);
  }

  /** Before each render: the selected variant follows ?sku= (Back and Forward included). */
  hostUpdate() {
    this.#task.value?.selectVariant(this.#route.sku);
  }

  render<R>(renderers: ProductRenderers<R>) {
    return this.#task.render({
      initial: renderers.pending,
      pending: renderers.pending,
      complete: (selection) => renderers.complete(selection),
      error: (error) =>
        error instanceof HttpError && (error.status === 404 || error.status === 400)
          ? renderers.notFound(this.#route.id)
          : renderers.error(error),
    });
  }

  retry() {
    return this.#task.retry();
  }
}
