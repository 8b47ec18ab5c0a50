// Team Decide's mocked service, for mock mode and the standalone page. Development only: the root config or the
// standalone page imports this module (@tractor/decide/mocks) and feeds its handlers into the page's one msw worker.
export { decideHandlers as handlers } from '@tractor/mocks/decide';
