import type { ReactiveControllerHost } from 'lit';
import type { Recommendation } from '@tractor/shared/contracts/inspire';
import { SeededTask, readSeed } from '@tractor/shared/spa';
import type { InspireClient } from '../client/inspire-client.js';
import { formatSkuList, parseSkuList } from '../model/sku-list.js';

/** What server-rendered recommendations were rendered with: the SKUs and their recommendations. */
export interface RecommendationsSeed {
  readonly skus: string;
  readonly recommendations: readonly Recommendation[];
}

/**
 * Recommendations for whatever SKUs the host shows. The task's argument is the SKUs joined into one string, so
 * a new array with the same SKUs does not ask again; only a different list does. Server-rendered, it starts
 * from the recommendations the fragment was rendered with.
 */
export class RecommendationsController extends SeededTask<[string], readonly Recommendation[]> {
  constructor(host: ReactiveControllerHost, client: InspireClient, skus: () => readonly string[]) {
    super(host, {
      task: async ([key], { signal }) =>
        (await client.recommendations(parseSkuList(key), signal)).recommendations,
      args: () => [formatSkuList(skus())],
      seed: () => {
        const seed = readSeed<RecommendationsSeed>(host);
        return seed && { value: seed.recommendations, args: [formatSkuList(parseSkuList(seed.skus))] };
      },
    });
  }
}
