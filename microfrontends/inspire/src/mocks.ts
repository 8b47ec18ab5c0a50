// Team Inspire's mocked service, for mock mode and the standalone page. Development only: the root config or the
// standalone page imports this module (@tractor/inspire/mocks) and feeds its handlers into the page's one msw worker.
export { inspireHandlers as handlers } from '@tractor/mocks/inspire';
