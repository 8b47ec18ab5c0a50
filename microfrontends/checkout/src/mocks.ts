// Team Checkout's mocked service, for mock mode and the standalone page. Development only: the root config or
// the standalone page imports this module (@tractor/checkout/mocks) and feeds its handlers into the page's one
// msw worker. The cart lives in memory for as long as the page does.
import { createCheckoutHandlers } from '@tractor/mocks/checkout';

export const handlers = createCheckoutHandlers();
