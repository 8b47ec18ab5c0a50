// msw in the browser: one service worker per page, fed with every team's handlers. Development only —
// production bundles never import this file (it pulls in msw, ~90 KB gz).
import { setupWorker } from 'msw/browser';
import { allHandlers } from './handlers.js';

export const createMockWorker = () => setupWorker(...allHandlers);
