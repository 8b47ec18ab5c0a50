// The page's Content-Security-Policy. A shopper's page runs only scripts and styles from our origin and the
// inline ones the gateway wrote into this very response (they carry its nonce, new for every response): no
// 'unsafe-inline', no 'unsafe-eval', no other origin. A developer's page (dev modes only) must also run what
// import-map-injector and import-map-overrides write into it — inline import maps without a nonce — and modules
// from the developer's own servers: its policy names those origins and allows inline scripts, still no eval.
import { randomBytes } from 'node:crypto';

/** A new nonce: 128 random bits, base64. */
export const newNonce = () => randomBytes(16).toString('base64');

/** Where a developer may point overrides by default: their own machine, any port. */
export const LOCAL_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

export interface PolicyOptions {
  readonly nonce: string;
  /** A developer's page: overrides may load modules from these origins (and their dev servers' sockets). */
  readonly developerOrigins?: readonly string[] | undefined;
}

export function pagePolicy({ nonce, developerOrigins }: PolicyOptions): string {
  const dev = developerOrigins ?? [];
  const sockets = dev.map((origin) => origin.replace(/^http/, 'ws'));
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': developerOrigins ? ["'self'", "'unsafe-inline'", ...dev] : ["'self'", `'nonce-${nonce}'`],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...dev, ...sockets],
    // msw's worker in mock mode (our own script); canvas-confetti draws in a worker it makes from a blob.
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The nonce on every <script> and <style> of HTML the store wrote: the shell's template, and the teams'
 * server-rendered parts (their declarative shadow roots hold <style> elements, and a seed script). A team's
 * part is placed only once team-html.ts has found every `<script`/`<style` in it to be a real start tag, and
 * every script a JSON seed: nothing a team sends ends up as a nonced script that runs.
 */
export const withNonce = (html: string, nonce: string) =>
  html.replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${nonce}"`);
