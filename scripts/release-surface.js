// What a team's build offers the other teams and what it needs of them, read from its sources at build time, so
// the import map service can refuse a deploy or rollback that would leave a live build of another team without
// something it uses (platform/importmap/gate.ts). The team declares nothing by hand: a list written
// beside the code would drift from it, a scan of the code cannot.
//
//   provides.elements   tags the team defines: defineElement('tag', …), customElements.define('tag', …)
//   provides.events     `team:event`s it dispatches: the helpers of shared/events (cartUpdated(…)), or
//                       new (Custom)Event(CONSTANT | 'team:event', …)
//   provides.parts      the keys of `pages:` and `fragments:` in its src/ssr.ts (what its service renders)
//   provides.contract   the major version of its own API it was built against (shared/contracts/versions.js)
//   uses.elements       another team's tags it places: <checkout-mini-cart …> in a template, createElement('…')
//   uses.events         another team's events it listens to: addEventListener(CONSTANT | 'team:event', …), and
//                       Lit's @team:event=${…} bindings
//
// A scan of the text, not a compiler, so it has limits: a tag or event name built at run time (a variable, a
// template with ${…}) is not seen; nor is an element or event constant re-exported under another name. Comments
// (// and /* */ outside strings, <!-- --> in templates) are dropped first, so a tag named in prose does not
// count — but a string holding " //" or "/*" can hide the code after it on the same line (or up to the next
// "*/"), and a brace inside a string of ssr.ts can misplace its keys. Plain JavaScript with JSDoc types: the
// production webpack build reads it (webpack.manifest.js), as do the TypeScript tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { teams } from '../shared/teams.js';
import { CONTRACT_VERSIONS } from '../shared/contracts/versions.js';

/**
 * @typedef {{
 *   provides: {
 *     elements: string[],
 *     events: string[],
 *     parts: { pages: string[], fragments: string[] },
 *     contract: string,
 *   },
 *   uses: { elements: string[], events: string[] },
 * }} ReleaseSurface
 */

const EVENTS_MODULE = fileURLToPath(new URL('../shared/events/index.ts', import.meta.url));
/** The contract version of a team that does not say: the version every team's API started at. */
export const DEFAULT_CONTRACT = '1';

/** A custom element's name as a team writes it: lower case, at least one hyphen. */
const TAG = '[a-z][a-z0-9]*(?:-[a-z0-9]+)+';
/** A cross-team event's name: "<team>:<what happened>". */
const TEAM_EVENT = /^[a-z][a-z0-9-]*:[a-z0-9-]+$/;
/** A quoted name ('…', "…" or `…` without ${}), or a constant, maybe read off an object (events.CART_UPDATED). */
const NAME_ARGUMENT = String.raw`\(\s*(?:'([^'\n]*)'|"([^"\n]*)"|\x60([^\x60$\n]*)\x60|(?:[\w$]+\.)?([A-Z][A-Z0-9_]*)\b)`;

/**
 * What `team`'s build provides and uses, from its sources in `srcDir` (microfrontends/<team>/src). Every list
 * sorted, without repeats.
 * @param {string} team
 * @param {string} srcDir
 * @returns {ReleaseSurface}
 */
export function releaseSurface(team, srcDir) {
  const events = sharedEvents();
  const sources = sourceFiles(srcDir).map((file) => withoutComments(readFileSync(file, 'utf8')));
  const all = (/** @type {(source: string) => Iterable<string>} */ find) =>
    sorted(sources.flatMap((s) => [...find(s)]));
  const ownedByOthers = (/** @type {string | undefined} */ owner) => owner !== undefined && owner !== team;

  const ssrFile = path.join(srcDir, 'ssr.ts');
  const ssr = existsSync(ssrFile) ? withoutComments(readFileSync(ssrFile, 'utf8')) : '';
  return {
    provides: {
      elements: all(definedTags),
      events: all((source) => dispatchedEvents(source, events)),
      parts: { pages: sorted(objectKeys(ssr, 'pages')), fragments: sorted(objectKeys(ssr, 'fragments')) },
      contract: CONTRACT_VERSIONS[team] ?? DEFAULT_CONTRACT,
    },
    uses: {
      elements: all(placedTags).filter((tag) => ownedByOthers(tagOwner(tag))),
      events: all((source) => listenedEvents(source, events)).filter((name) =>
        ownedByOthers(eventOwner(name)),
      ),
    },
  };
}

/** The team a tag belongs to by its prefix ("checkout-mini-cart" → "checkout"); the longest team name wins. */
export function tagOwner(/** @type {string} */ tag) {
  return teams
    .map((t) => t.name)
    .filter((name) => tag.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The team an event belongs to by its prefix ("explore:store-selected" → "explore"), if there is that team. */
export function eventOwner(/** @type {string} */ name) {
  const prefix = name.slice(0, name.indexOf(':'));
  return teams.some((t) => t.name === prefix) ? prefix : undefined;
}

/**
 * The team's own code: every .ts file under `dir` but tests, type declarations and mock mode's handlers
 * (mocks.ts, mocks/), which are no part of what a shopper's page runs.
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory())
        return entry.name === 'mocks' || entry.name === 'node_modules' ? [] : sourceFiles(file);
      const source =
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        !entry.name.endsWith('.d.ts') &&
        entry.name !== 'mocks.ts';
      return source ? [file] : [];
    });
}

/**
 * Source text without its comments: /* *\/ blocks, // to the end of the line (when the // follows the start of
 * the line or a space, so "https://…" in a string stays), and HTML comments in templates.
 * @param {string} source
 */
function withoutComments(source) {
  return source.replace(
    /\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|(^|[ \t])\/\/.*$/gm,
    (_match, before) => before ?? '',
  );
}

/** @param {string} source */
function* definedTags(source) {
  const defines = new RegExp(
    String.raw`(?:\bdefineElement|\bcustomElements\.define|@customElement)${NAME_ARGUMENT}`,
    'g',
  );
  for (const match of source.matchAll(defines)) {
    const tag = match[1] ?? match[2] ?? match[3];
    if (tag !== undefined && new RegExp(`^${TAG}$`).test(tag)) yield tag;
  }
}

/** @param {string} source */
function* placedTags(source) {
  for (const match of source.matchAll(new RegExp(`<(${TAG})(?=[\\s/>])`, 'g'))) yield match[1] ?? '';
  for (const match of source.matchAll(
    new RegExp(String.raw`\bcreateElement\(\s*['"\x60](${TAG})['"\x60]`, 'g'),
  )) {
    yield match[1] ?? '';
  }
}

/**
 * @param {string} source
 * @param {SharedEvents} events
 */
function* dispatchedEvents(source, events) {
  for (const [helper, name] of events.helpers) {
    // Not the import's `{ storeSelected }`, nor a method of that name: a call of the helper itself.
    if (new RegExp(String.raw`(?<![\w$.])${helper}\s*\(`).test(source)) yield name;
  }
  const created = new RegExp(String.raw`\bnew\s+(?:Custom)?Event${NAME_ARGUMENT}`, 'g');
  yield* teamEvents(source.matchAll(created), events);
}

/**
 * @param {string} source
 * @param {SharedEvents} events
 */
function* listenedEvents(source, events) {
  yield* teamEvents(source.matchAll(new RegExp(String.raw`\baddEventListener${NAME_ARGUMENT}`, 'g')), events);
  for (const match of source.matchAll(/@([a-z][a-z0-9-]*:[a-z0-9-]+)=/g)) yield match[1] ?? '';
}

/**
 * The team events among a NAME_ARGUMENT's matches: literals shaped "team:event", and constants of shared/events.
 * @param {IterableIterator<RegExpMatchArray>} matches
 * @param {SharedEvents} events
 */
function* teamEvents(matches, events) {
  for (const match of matches) {
    const name = match[1] ?? match[2] ?? match[3] ?? events.constants.get(match[4] ?? '');
    if (name !== undefined && TEAM_EVENT.test(name)) yield name;
  }
}

/** @typedef {{ constants: Map<string, string>, helpers: Map<string, string> }} SharedEvents */

/**
 * shared/events: its constants (CART_UPDATED → "checkout:cart-updated") and the helpers that make each event
 * (cartUpdated → "checkout:cart-updated"), as written there — `export const cartUpdated = (…) =>
 * teamEvent(CART_UPDATED, …)` or `export function cartUpdated(…) { return teamEvent(CART_UPDATED, …) }`.
 * @returns {SharedEvents}
 */
function sharedEvents() {
  const source = withoutComments(readFileSync(EVENTS_MODULE, 'utf8'));
  const constants = new Map(
    [...source.matchAll(/export const ([A-Z][A-Z0-9_]*)\s*=\s*['"]([^'"]+)['"]/g)].map((m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
  const helpers = new Map();
  const made =
    /export (?:const (\w+)\s*=\s*(?:\([^)]*\)|\w+)(?:\s*:[^=]+)?\s*=>|function (\w+)\s*\([^)]*\)[^{]*\{\s*return)\s*teamEvent\(\s*(?:([A-Z][A-Z0-9_]*)|['"]([^'"]+)['"])/g;
  for (const m of source.matchAll(made)) {
    const name = m[3] !== undefined ? constants.get(m[3]) : m[4];
    if (name !== undefined) helpers.set(m[1] ?? m[2], name);
  }
  return { constants, helpers };
}

/**
 * The keys of the object literal after `key:` (the first one in the source): `pages: { home: …, 'x-y': … }` →
 * ["home", "x-y"]. Counts brackets to stay at the object's own level, so the keys of the values inside are not
 * taken.
 * @param {string} source
 * @param {string} key
 * @returns {string[]}
 */
function objectKeys(source, key) {
  const start = new RegExp(String.raw`\b${key}\s*:\s*\{`).exec(source);
  if (!start) return [];
  const keys = [];
  let depth = 0;
  let atKey = false;
  for (let i = start.index + start[0].length - 1; i < source.length; i++) {
    const c = source[i] ?? '';
    if ('{(['.includes(c)) {
      depth++;
      atKey = depth === 1;
    } else if ('})]'.includes(c)) {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && c === ',') {
      atKey = true;
    } else if (depth === 1 && atKey && /\S/.test(c)) {
      // A property (`home: …`, `'x-y': …`), a method (`async home(…) {`) or a shorthand (`home,`).
      const property = /^(?:async\s+)?(?:'([^']+)'|"([^"]+)"|([A-Za-z_$][\w$]*))\s*(?=[:(,}])/.exec(
        source.slice(i),
      );
      const name = property?.[1] ?? property?.[2] ?? property?.[3];
      if (name !== undefined) keys.push(name);
      atKey = false;
    }
  }
  return keys;
}

/** @param {Iterable<string>} names */
const sorted = (names) => [...new Set(names)].filter((name) => name !== '').sort();
