import type { ReactiveControllerHost } from 'lit';
import type { CategoryKey } from '@tractor/shared/contracts/explore';
import { LocationController, SeededTask, readSeed } from '@tractor/shared/spa';
import type { ExploreClient } from '../client/explore-client.js';
import { CategoryListing, categoryFromPath, type ProductsAnswer } from '../model/category-listing.js';

/**
 * The category page's listing: follows the URL (/products, /products/classic, ...) while the page stays
 * mounted, and asks Explore for the matching products whenever the category changes. Server-rendered, it
 * starts from the answer the page was rendered with. Its `value` is the last listing shown, kept on screen
 * while the next category loads.
 */
export class CatalogController extends SeededTask<[CategoryKey | undefined], CategoryListing> {
  constructor(
    host: ReactiveControllerHost,
    client: ExploreClient,
    location: LocationController = new LocationController(host),
  ) {
    super(host, {
      task: async ([category], { signal }) => new CategoryListing(await client.products(category, signal)),
      args: () => [categoryFromPath(location.url.pathname)],
      seed: () => {
        const answer = readSeed<ProductsAnswer>(host);
        return answer && { value: new CategoryListing(answer), args: [answer.category?.key] };
      },
    });
  }
}
