// Every team's mocked service, for the browser worker and the Node server alike.
import { createCheckoutHandlers } from './checkout/handlers.js';
import { decideHandlers } from './decide/handlers.js';
import { exploreHandlers } from './explore/handlers.js';
import { inspireHandlers } from './inspire/handlers.js';

export const allHandlers = [
  ...exploreHandlers,
  ...decideHandlers,
  ...createCheckoutHandlers(),
  ...inspireHandlers,
];
