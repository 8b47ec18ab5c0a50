// msw for Node tests: every team's handlers on one server. Tests call server.listen() / close().
import { setupServer } from 'msw/node';
import { exploreHandlers } from './explore/handlers.js';

export const allHandlers = [...exploreHandlers];
export const createMockServer = () => setupServer(...allHandlers);
