// The category page: follows the URL (/products, /products/classic, ...) while the page stays mounted,
// and asks Explore for the matching products whenever the category changes.
import type { ReactiveControllerHost } from 'lit';
import type { StatusRenderer } from '@lit/task';
import type { CategoryKey } from '@tractor/shared/contracts/explore';
import { LocationController, SeededTask, readSeed } from '@tractor/shared/spa';
import type { ExploreClient } from '../client/explore-client.js';
import { CategoryListing, categoryFromPath, type ProductsAnswer } from '../model/category-listing.js';

export class CatalogController {
  readonly #location: LocationController;
  readonly #task: SeededTask<[CategoryKey | undefined], CategoryListing>;

  constructor(host: ReactiveControllerHost, client: ExploreClient, location?: LocationController) {
    this.#location = location ?? new LocationController(host);
    this.#task = new SeededTask(host, {
      task: async ([category], { signal }) => new CategoryListing(await client.products(category, signal)),
      args: () => [categoryFromPath(this.#location.url.pathname)],
      // Server-rendered: the answer the page was rendered with.
      seed: () => {
        const answer = readSeed<ProductsAnswer>(host);
        return answer && { value: new CategoryListing(answer), args: [answer.category?.key] };
      },
    });
  }

  /** The last listing shown, kept on screen while the next category loads. */
  get latest(): CategoryListing | undefined {
    return this.#task.value;
  }

  render(renderers: StatusRenderer<CategoryListing>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.retry();
  }
}
