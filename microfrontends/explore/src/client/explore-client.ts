// The browser's Explore client: same origin, so the contract's paths need no base URL.
import { ExploreClient } from '@tractor/shared/contracts/explore/client';

export const exploreClient = new ExploreClient();
export type { ExploreClient };
