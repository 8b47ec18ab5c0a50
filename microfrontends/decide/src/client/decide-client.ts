// The browser's Decide client: same origin, so the contract's paths need no base URL.
import { DecideClient } from '@tractor/shared/contracts/decide/client';

export const decideClient = new DecideClient();
export type { DecideClient };
