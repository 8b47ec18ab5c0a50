// Every test watches its page: an uncaught error, a CSP violation, or a request to another origin, fails it. A test that
// provokes an error on purpose says which one it expects with `problems.expect(/…/)`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { STORE_PORT } from '../ports.js';

export interface Problems {
  /** This test provokes an error matching `pattern` on purpose. */
  expect(pattern: RegExp): void;
  /** This test talks to another of our origins on purpose (a dev server, the mock-mode store). */
  allowOrigin(origin: string): void;
  readonly requests: string[];
}

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const expected: RegExp[] = [];
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}\n${error.stack}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        errors.push(`console error: ${message.text()} (${message.location().url})`);
      });
      page.on('request', (request) => requests.push(request.url()));
      // Chromium logs a document the server answered with 404 (a URL that names nothing) as a failed load: that
      // is the page's status, which a test checks on the response, not a problem on the page.
      const notFoundDocuments = new Set<string>();
      page.on('response', (response) => {
        if (response.status() === 404 && response.request().isNavigationRequest())
          notFoundDocuments.add(response.url());
      });
      const isNotFoundDocument = (error: string) =>
        error.startsWith(
          'console error: Failed to load resource: the server responded with a status of 404 ',
        ) && [...notFoundDocuments].some((url) => error.endsWith(`(${url})`));
      // Every page runs under a strict Content-Security-Policy: any violation, in any shadow root, fails the test.
      await page.addInitScript(() => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) =>
            console.error(
              `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
            ),
          true,
        );
      });
      const origins = [origin];
      await use({
        expect: (pattern) => void expected.push(pattern),
        allowOrigin: (other) => void origins.push(new URL(other).origin),
        requests,
      });
      const unexpected = errors.filter((e) => !expected.some((p) => p.test(e)) && !isNotFoundDocument(e));
      expect(unexpected, 'errors on the page').toEqual([]);
      // blob: URLs of our origin are made in the page (canvas-confetti's worker); data: never leaves it.
      const ours = [...origins, ...origins.map((o) => `blob:${o}/`), 'data:'];
      const foreign = requests.filter((url) => !ours.some((prefix) => url.startsWith(prefix)));
      expect(foreign, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Marks the current document; `expectSameDocument` fails if a navigation reloaded the page. */
export async function markDocument(page: Page) {
  // A click before the client has started would be a full page load, not the navigation the test is about.
  await clientStarted(page);
  await page.evaluate(() => ((window as unknown as { __tractorMark: number }).__tractorMark = 42));
}
export async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __tractorMark?: number }).__tractorMark)).toBe(42);
}

/** In Explore's store picker (on Checkout's form): open the dialog and select the named store, by click or tap. */
export async function chooseStore(page: Page, name: string, gesture: 'click' | 'tap' = 'click') {
  await page.getByRole('button', { name: 'choose a store' })[gesture]();
  const select = page
    .getByRole('dialog', { name: 'Stores' })
    .getByRole('listitem')
    .filter({ hasText: name })
    .getByRole('button', { name: 'select' });
  await select[gesture]();
}

/**
 * Waits until the store's client has started (a server-rendered page boots once it has loaded): before, a click
 * on a link is a full page load the server renders, not a client-side navigation.
 */
export async function clientStarted(page: Page) {
  await page.waitForFunction(() => 'singleSpaNavigate' in window && document.readyState === 'complete');
}

/** Every page of the store, with its heading: the pages the server-rendering checks walk. */
export const STORE_PAGES = [
  ['/', 'The Tractor Store'],
  ['/products', 'All Machines'],
  ['/products/classic', 'Classics'],
  ['/stores', 'Our Stores'],
  ['/product/AU-02?sku=AU-02-BL', 'SmartFarm Titan'],
] as const;

/**
 * What of a page's HTML did not come from the server: "no server-rendered page" when its container is not
 * filled, and each team element sent without its declarative shadow root. [] when the first view is whole.
 * (Scripts and the layout's own template for the browser, which names the parts unfilled, are not counted.)
 */
export function unrenderedParts(html: string): string[] {
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<template id="single-spa-layout">[\s\S]*?<\/template>/, '');
  const missing = /id="single-spa-application:[^"]+" data-ssr>/.test(body) ? [] : ['no server-rendered page'];
  for (const [, tag] of body.matchAll(/<((?:explore|decide|checkout|inspire)-[a-z-]+)[^>]*>(?!<template)/g)) {
    missing.push(`<${tag}> without its server render`);
  }
  return missing;
}

/** Runs one of the package scripts (deploy, rollback, versions) against the test store; fails on a non-zero exit. */
export function npmRun(script: string, ...args: string[]): string {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args, '--port', String(STORE_PORT)], {
    cwd: path.join(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  expect(result.status, `npm run ${script} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}
