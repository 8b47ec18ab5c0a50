import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Product } from '@tractor/shared/contracts/decide';
import { HttpError } from '@tractor/shared/contracts/http';
import { LocationController, SeededTask, readSeed } from '@tractor/shared/spa';
import type { DecideClient } from '../client/decide-client.js';
import { ProductSelection, namesNoProduct, productRoute } from '../model/product-selection.js';

export interface ProductRenderers<R> {
  pending: () => R;
  complete: (selection: ProductSelection) => R;
  /** The URL names no product Decide knows (or no product id at all). */
  notFound: (id: string | undefined) => R;
  error: (error: unknown) => R;
}

/**
 * What a server-rendered product page was rendered with: the product and the ?sku= of its URL — or, when the
 * page showed "not found", the product id the URL names, which Decide does not know.
 */
export type ProductSeed =
  { readonly product: Product; readonly sku: string | null } | { readonly missing: string };

/**
 * The product page: follows the URL while mounted. A new product id loads the product from Decide's service
 * (a SeededTask: server-rendered, it starts from the product or the "not found" the page was rendered with);
 * a new ?sku= only selects another variant of the product already loaded — no request, no remount.
 */
export class ProductController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #rendered = false;
  readonly #location: LocationController;
  readonly #task: SeededTask<[string | undefined], ProductSelection>;

  constructor(host: ReactiveControllerHost, client: DecideClient, location?: LocationController) {
    this.#host = host;
    host.addController(this);
    this.#location = location ?? new LocationController(host);
    this.#task = new SeededTask<[string | undefined], ProductSelection>(host, {
      task: async ([id], { signal }) => {
        if (!id) throw new HttpError(404, { message: 'No product id in the URL.' });
        return new ProductSelection(await client.product(id, signal), this.#route.sku);
      },
      args: () => [this.#route.id],
      // Server-rendered: the product and variant the page was rendered with, or its "not found" (no fetch
      // then: the id is already known to name nothing).
      seed: () => {
        const seed = readSeed<ProductSeed>(host);
        if (!seed) return undefined;
        if ('missing' in seed) {
          return {
            error: new HttpError(404, { message: `No product ${seed.missing}.` }),
            args: [seed.missing],
          };
        }
        return { value: new ProductSelection(seed.product, seed.sku), args: [seed.product.id] };
      },
    });
  }

  get #route() {
    return productRoute(this.#location.url);
  }

  /**
   * Before each render: the selected variant follows ?sku= (Back and Forward included) — except the first,
   * which must show what the server rendered (hydration); if ?sku= moved on meanwhile, the next render follows.
   */
  hostUpdate() {
    if (this.#rendered) this.#task.value?.selectVariant(this.#route.sku);
  }

  hostUpdated() {
    if (this.#rendered) return;
    this.#rendered = true;
    if (this.#task.value && this.#task.value.selected.sku !== this.#route.sku) this.#host.requestUpdate();
  }

  render<R>(renderers: ProductRenderers<R>) {
    return this.#task.render({
      initial: renderers.pending,
      pending: renderers.pending,
      complete: (selection) => renderers.complete(selection),
      error: (error) => (namesNoProduct(error) ? renderers.notFound(this.#route.id) : renderers.error(error)),
    });
  }

  retry() {
    return this.#task.retry();
  }
}
