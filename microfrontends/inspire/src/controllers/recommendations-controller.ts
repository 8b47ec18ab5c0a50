// Recommendations for whatever SKUs the host shows; asks again only when the list really changes.
import type { ReactiveControllerHost } from 'lit';
import type { StatusRenderer } from '@lit/task';
import type { Recommendation } from '@tractor/shared/contracts/inspire';
import { SeededTask, readSeed } from '@tractor/shared/spa';
import type { InspireClient } from '../client/inspire-client.js';
import { formatSkuList, parseSkuList } from '../model/sku-list.js';

/** What server-rendered recommendations were rendered with: the SKUs and their recommendations. */
export interface RecommendationsSeed {
  readonly skus: string;
  readonly recommendations: readonly Recommendation[];
}

export class RecommendationsController {
  readonly #task: SeededTask<[string], readonly Recommendation[]>;

  constructor(host: ReactiveControllerHost, client: InspireClient, skus: () => readonly string[]) {
    this.#task = new SeededTask(host, {
      // The key is a string, so a new array with the same SKUs does not ask again.
      task: async ([key], { signal }) =>
        (await client.recommendations(parseSkuList(key), signal)).recommendations,
      args: () => [formatSkuList(skus())],
      seed: () => {
        const seed = readSeed<RecommendationsSeed>(host);
        return seed && { value: seed.recommendations, args: [formatSkuList(parseSkuList(seed.skus))] };
      },
    });
  }

  render(renderers: StatusRenderer<readonly Recommendation[]>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.retry();
  }
}
