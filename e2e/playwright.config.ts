// The whole store in a real Chromium. Playwright starts `npm start`'s stack on a test port with fresh,
// empty databases (seeded on start), the store in mock mode, and each team's standalone dev server.
//
// Against a running store instead (a team's CI trying a preview): E2E_BASE_URL=<store> and, for a candidate,
// E2E_PREVIEW_LINK=<the link `npm run deploy -- <team> --preview` printed>. Then only the shopper journeys run
// (they need no test stack of their own), every browser with the preview's cookie.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';
import { DEV_PORTS, MOCK_PORT, STORE_PORT } from './ports.js';
import { PREVIEW_STATE } from './preview-setup.js';

const port = STORE_PORT;
const repoRoot = path.join(import.meta.dirname, '..');

const running = process.env.E2E_BASE_URL;
/** The journeys of a shopper, through the page alone: they run against any store. */
const JOURNEYS =
  /\/(home|product|checkout|navigation|not-found|stores|store-picker|phone|composition|boundaries)\.spec\.ts$/;

const testStack = defineConfig({
  testDir: '.',
  // "deploys" changes the shared store's live import map (a page of a team whose live build is not its service's
  // is left to the browser, by design), so it runs after the tests that check what the server renders;
  // "outage" stops services of the shared test store, so it runs once every other test is done.
  // "field-signals" deploys builds with planted faults (and rolls them back), after the other deploys.
  projects: [
    { name: 'store', testDir: './tests', testIgnore: /ship-one-team|field-signals/ },
    { name: 'deploys', testDir: './tests', testMatch: /ship-one-team/, dependencies: ['store'] },
    { name: 'field-signals', testDir: './tests', testMatch: /field-signals/, dependencies: ['deploys'] },
    { name: 'outage', testDir: './outage', dependencies: ['field-signals'] },
  ],
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      // The store, with fresh databases. It builds what is out of date; the servers below only read builds.
      command: `node --import tsx scripts/start.ts --port ${port} --fresh`,
      cwd: repoRoot,
      // Ready once every team is deployed, not when the gateway first answers.
      wait: { stdout: /is open at/ },
      // The tests check what is composed, not how fast: a loaded test machine must not leave parts to the
      // browser (the budget itself is tested in the gateway's unit tests).
      // Field-signal beacons: the suite's two workers send many more page views a minute from one address than
      // a shopper does (the limit itself is tested in the gateway's unit tests).
      env: { SSR_BUDGET_MS: '3000', RUM_BEACONS_PER_MINUTE: '100000' },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The store in mock mode: no services, msw answers in the page.
      command: `node --import tsx scripts/start.ts --port ${MOCK_PORT} --mock --fresh --no-build`,
      cwd: repoRoot,
      wait: { stdout: /is open at/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Each team's standalone dev server. Decide's shows the store's real fragments; the others find no
    // store (port 9) and show placeholders.
    ...Object.entries(DEV_PORTS).map(([team, devPort]) => ({
      command: `npm start --silent -w @tractor/${team}`,
      cwd: repoRoot,
      env: {
        DEV_PORT: String(devPort),
        STORE_URL: team === 'decide' ? `http://localhost:${port}` : 'http://127.0.0.1:9',
      },
      url: `http://localhost:${devPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
  ],
});

export default running
  ? defineConfig({
      ...testStack,
      projects: [{ name: 'store', testDir: './tests', testMatch: JOURNEYS }],
      webServer: undefined,
      // Another machine's store, under another load: a test about the server's own timing (a part within the
      // 150 ms render budget) may miss once where the test stack gives it 3 s.
      retries: 1,
      globalSetup: './preview-setup.ts',
      use: {
        ...testStack.use,
        baseURL: running,
        ignoreHTTPSErrors: true,
        ...(process.env.E2E_PREVIEW_LINK ? { storageState: PREVIEW_STATE } : {}),
      },
    })
  : testStack;
