// Where the shopper can pick up an order is Explore's data. Checkout asks Explore's service, through Explore's
// typed client, whether a store exists — the store's one service-to-service call.
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
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

export function exploreStores(client: (traceId?: string) => ExploreClient, timeoutMs = 3000): StoreDirectory {
  return {
    async exists(storeId, traceId) {
      try {
        await client(traceId).store(storeId, AbortSignal.timeout(timeoutMs));
        return true;
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return false;
        const timedOut =
          (error instanceof HttpError && error.status === 504) ||
          (error instanceof Error && error.name === 'TimeoutError');
        throw new StoresUnavailable(error instanceof Error ? error.message : String(error), timedOut);
      }
    },
  };
}

export const exploreStoresAt = (baseUrl: string) =>
  exploreStores((traceId) => new ExploreClient({ baseUrl, traceId }));
