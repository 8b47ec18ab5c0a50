// Every team's mocked service, for the browser worker and the Node server alike.
import { decideHandlers } from './decide/handlers.js';
import { exploreHandlers } from './explore/handlers.js';

export const allHandlers = [...exploreHandlers, ...decideHandlers];
