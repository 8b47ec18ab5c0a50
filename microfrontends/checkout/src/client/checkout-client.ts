// The browser's Checkout client: same origin, so the contract's paths need no base URL.
import { CheckoutClient } from '@tractor/shared/contracts/checkout/client';

export const checkoutClient = new CheckoutClient();
export type { CheckoutClient };
