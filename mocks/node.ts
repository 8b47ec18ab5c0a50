// msw for Node tests: every team's handlers on one server. Tests call server.listen() / close().
import { setupServer } from 'msw/node';
import { allHandlers } from './handlers.js';

export const createMockServer = () => setupServer(...allHandlers);
