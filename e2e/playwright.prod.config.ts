// The production topology's fault tests: nginx (HTTPS, HTTP/2) in front of two replicas of every service and of
// the gateway, on a private PostgreSQL — `npm run start:prod` on test ports, with its own data folder. Run by
// `npm run test:prod` (part of `npm test` when nginx and PostgreSQL's server are installed; .ci/run installs them).
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

export const PROD_PORT = Number(process.env.E2E_PROD_PORT ?? 9443);
export const PROD_DATA_DIR = path.join(os.tmpdir(), `tractor-store-prod-${PROD_PORT}`);

export default defineConfig({
  testDir: './prod',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `https://localhost:${PROD_PORT}`,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `node --import tsx scripts/prod/start-prod.ts --port ${PROD_PORT} --data-dir ${PROD_DATA_DIR}`,
    cwd: path.join(import.meta.dirname, '..'),
    wait: { stdout: /is open at/ },
    // The fault tests' load generator places orders from 127.0.0.2 (prod/faults.spec.ts): a load of the store's
    // own, not one client's flood, which the edge's limits are for (prod/edge.spec.ts floods from 127.0.0.1).
    // As in the store's e2e: the tests check what is composed, not how fast — on a loaded 2-core machine a
    // team's part can miss the 150 ms production budget and be left to the browser (the budget itself is
    // tested in the gateway's unit tests, its cost in the benchmarks).
    env: {
      DATABASE_URL: '',
      WRITE_LIMIT_EXEMPT: '127.0.0.2',
      SSR_BUDGET_MS: '3000',
      // The tests' page views, from one address, are more a minute than a shopper's (edge.spec.ts tests limits).
      RUM_BEACONS_PER_MINUTE: '100000',
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
