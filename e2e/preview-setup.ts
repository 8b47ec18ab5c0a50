// `E2E_BASE_URL=… E2E_PREVIEW_LINK=… npm run test:e2e`: a team's CI tries its candidate in a running store before
// it goes live. This follows the preview link once and keeps the cookie it sets, so every test's browser asks
// for the candidate (playwright.config.ts gives the tests this storage state).
import path from 'node:path';
import { request } from '@playwright/test';

export const PREVIEW_STATE = path.join(import.meta.dirname, 'test-results/preview-state.json');

export default async function previewSetup(): Promise<void> {
  const link = process.env.E2E_PREVIEW_LINK;
  const base = process.env.E2E_BASE_URL;
  if (!link || !base) return;
  const context = await request.newContext({ baseURL: base, ignoreHTTPSErrors: true });
  const response = await context.get(link, { maxRedirects: 0 });
  if (response.status() !== 303) {
    throw new Error(`The preview link answered ${response.status()}: ${await response.text()}`);
  }
  const state = await context.storageState({ path: PREVIEW_STATE });
  if (!state.cookies.some((c) => c.name.startsWith('tractor-preview-'))) {
    throw new Error('The preview link set no preview cookie.');
  }
  await context.dispose();
}
