// The browser's Inspire client: same origin, so the contract's paths need no base URL.
import { InspireClient } from '@tractor/shared/contracts/inspire/client';

export const inspireClient = new InspireClient();
export type { InspireClient };
