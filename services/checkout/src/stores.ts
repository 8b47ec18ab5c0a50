// Where the shopper can pick up an order is Explore's data. Checkout asks Explore's service, through Explore's
// typed client, whether a store exists — the store's one service-to-service call.
import { BoundedCache } from '@tractor/chassis';
import { withinTime } from '@tractor/shared/deadline';
import { STORE_DIRECTORY_TIMEOUT_MS, timedOut } from './rules.js';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { exploreRoutes } from '@tractor/shared/contracts/explore';
import { HttpError } from '@tractor/shared/contracts/http';

export interface StoreDirectory {
  /** true or false; throws StoresUnavailable when Explore cannot answer. `traceId`: the order's trace. */
  exists(storeId: string, traceId?: string): Promise<boolean>;
}

export class StoresUnavailable extends Error {
  /** Explore took longer than the timeout (rather than refusing or failing). */
  readonly timedOut: boolean;
  constructor(message: string, timedOut: boolean) {
    super(message);
    this.timedOut = timedOut;
  }
}

export interface StoreDirectoryOptions {
  /** How long to wait for Explore (ms). */
  readonly timeoutMs?: number;
  /** How long an answer is reused (ms): by default as long as Explore's contract allows. */
  readonly reuseMs?: number;
}

export function exploreStores(
  client: (traceId?: string) => ExploreClient,
  {
    timeoutMs = STORE_DIRECTORY_TIMEOUT_MS,
    reuseMs = (exploreRoutes.store.cache?.maxAge ?? 0) * 1000,
  }: StoreDirectoryOptions = {},
): StoreDirectory {
  // Explore's contract says how long its answer about a store may be reused: an order does not ask again.
  const known = new BoundedCache<string, boolean>({ maxEntries: 1000 });
  const remember = (storeId: string, exists: boolean) => {
    known.set(storeId, exists, reuseMs);
    return exists;
  };
  return {
    async exists(storeId, traceId) {
      const answer = known.get(storeId);
      if (answer !== undefined) return answer;
      try {
        await withinTime(timeoutMs, (signal) => client(traceId).store(storeId, signal));
        return remember(storeId, true);
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return remember(storeId, false);
        throw new StoresUnavailable(error instanceof Error ? error.message : String(error), timedOut(error));
      }
    },
  };
}

export const exploreStoresAt = (baseUrl: string) =>
  exploreStores((traceId) => new ExploreClient({ baseUrl, traceId }));
