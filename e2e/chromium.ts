// How we launch Chromium, for the e2e tests and the benchmark: Debian's /usr/bin/chromium where it is installed
// (this machine and CI), otherwise Playwright's own browser; flags that keep it quiet on a closed network.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunchOptions: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
