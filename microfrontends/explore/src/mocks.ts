// Team Explore's mocked service, for mock mode and the standalone page. Development only: the root config or the
// standalone page imports this module (@tractor/explore/mocks) and feeds its handlers into the page's one msw worker.
export { exploreHandlers as handlers } from '@tractor/mocks/explore';
