// Mock mode (`npm run start:mock`): no service runs. One msw service worker answers every API request of the
// page, and each team feeds it the handlers of its own mocked service (@tractor/<team>/mocks). msw and the
// handlers are separate modules of the import map, loaded only here: a shopper's page never loads them.
import type { RequestHandler } from 'msw';
import type * as MswBrowser from 'msw/browser';
import { importModule, TEAM_MODULES } from './modules.js';

export async function startMocks(): Promise<void> {
  const { setupWorker } = (await importModule('msw/browser')) as unknown as typeof MswBrowser;
  const worker = setupWorker();
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  const teams = await Promise.allSettled(TEAM_MODULES.map((team) => importModule(`${team}/mocks`)));
  teams.forEach((result, i) => {
    if (result.status === 'fulfilled') worker.use(...(result.value.handlers as RequestHandler[]));
    else console.warn(`${TEAM_MODULES[i]} has no mocks; its requests go unanswered.`, result.reason);
  });
  console.info(`Mock mode: ${TEAM_MODULES.join(', ')} answered by msw in this page.`);
}
