// Seeds: the data a server-rendered element was rendered with, so the browser hydrates it from the same data
// instead of fetching again (a first render that differs from the server's would not hydrate). On the server
// the element gets its seed as the `seed` property; in the HTML it travels as a JSON script inside the element
// (light DOM, never shown: the element's shadow root has no slot for it).
export const SEED_SELECTOR = ':scope > script[type="application/json"][data-seed]';

/** An element that can be server-rendered from data. */
export interface Seeded<T> {
  seed?: T | undefined;
}

/** The host's seed: its `seed` property (server, or set by a parent), else its seed script (browser). */
export function readSeed<T>(host: object): T | undefined {
  const given = (host as Seeded<T>).seed;
  if (given !== undefined) return given;
  if (typeof (host as Partial<Element>).querySelector !== 'function') return undefined;
  const script = (host as Element).querySelector(SEED_SELECTOR);
  if (!script?.textContent) return undefined;
  try {
    return JSON.parse(script.textContent) as T;
  } catch {
    return undefined;
  }
}
