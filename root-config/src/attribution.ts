// Whose is it? The field signals' attribution (field-signals.ts): an element belongs to the closest team
// boundary around it — a custom element with a team's prefix (<checkout-add-to-cart>), or the layout's
// application container of a team's page — crossing shadow roots; a script belongs to the team whose build it
// was loaded from, by the page's import maps. What no team owns is the platform's: the shell, the layout's own
// markup, the shared libraries. Route patterns come from the layout, so a raw URL is never reported.

/** The page's teams, as its import maps say: each team's build and where its files are. */
export interface Owners {
  readonly teams: readonly string[];
  /** Team → its build id (from /assets/<team>/<build>/…), or "dev" for a module a developer points elsewhere. */
  readonly builds: Readonly<Record<string, string>>;
  /** URL prefix (the folder of the team's module) → team. */
  readonly bases: readonly (readonly [string, string])[];
}

const PLATFORM = 'platform';
const TEAM_MODULE = /^@tractor\/([a-z][a-z0-9-]*)$/;
const BUILD_IN_URL = /\/assets\/[^/]+\/([0-9a-f]{12})\//;

/** The teams of the page's import maps (native and injector ones; later maps win, as in the browser). */
export function readOwners(doc: Document): Owners {
  const imports: Record<string, string> = {};
  for (const map of doc.querySelectorAll('script[type="importmap"], script[type="injector-importmap"]')) {
    try {
      Object.assign(imports, (JSON.parse(map.textContent ?? '') as { imports?: object }).imports);
    } catch {
      // a map the page could not use either
    }
  }
  const builds: Record<string, string> = {};
  const bases: [string, string][] = [];
  for (const [specifier, url] of Object.entries(imports)) {
    const team = TEAM_MODULE.exec(specifier)?.[1];
    if (!team || team === 'root-config' || typeof url !== 'string') continue;
    const href = new URL(url, doc.baseURI).href;
    builds[team] = BUILD_IN_URL.exec(href)?.[1] ?? 'dev';
    bases.push([href.slice(0, href.lastIndexOf('/') + 1), team]);
  }
  return { teams: Object.keys(builds), builds, bases };
}

/** The team whose boundary this element is (its tag's prefix, or the application it contains), if any. */
function boundaryOf(element: Element, owners: Owners): string | undefined {
  const tag = element.localName;
  const team =
    owners.teams.find((t) => tag.startsWith(`${t}-`)) ??
    /^single-spa-application:@tractor\/([^/]+)\//.exec(element.id)?.[1];
  return team && owners.teams.includes(team) ? team : undefined;
}

/** The team whose boundary `node` is inside, crossing shadow roots outwards; the platform's when none. */
export function ownerOf(node: Node | null | undefined, owners: Owners): string {
  for (let at = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    const team = at.nodeType === 1 ? boundaryOf(at as Element, owners) : undefined;
    if (team) return team;
  }
  return PLATFORM;
}

/**
 * The team a script URL was loaded from; the platform's for our origin's other scripts (the shell, the shared
 * libraries) and for inline scripts; undefined for a script from elsewhere (a browser extension): not ours.
 */
export function scriptOwner(url: string | undefined, owners: Owners, origin: string): string | undefined {
  if (!url) return PLATFORM;
  const base = owners.bases.find(([prefix]) => url.startsWith(prefix));
  if (base) return base[1];
  return url.startsWith(`${origin}/`) ? PLATFORM : undefined;
}

/** A route of the layout: its pattern and the team whose application shows there (none: the platform's). */
export interface Route {
  readonly pattern: string;
  readonly owner: string;
}

/** The layout's routes, in document order: the single-spa-layout template's <route path> elements. */
export function layoutRoutes(template: HTMLTemplateElement | null): (Route & { exact: boolean })[] {
  return [...(template?.content.querySelectorAll('route[path]') ?? [])].map((route) => {
    const application =
      [...route.querySelectorAll('application')]
        .find((a) => a.closest('route') === route)
        ?.getAttribute('name') ?? '';
    const team = /^@tractor\/([^/]+)\//.exec(application)?.[1];
    return {
      pattern: route.getAttribute('path') ?? '',
      exact: route.hasAttribute('exact'),
      owner: team ?? PLATFORM,
    };
  });
}

/** The layout's route for a path: its pattern (e.g. /product/:id) — "*", the not-found route, when none. */
export function routeOf(pathname: string, routes: readonly (Route & { exact: boolean })[]): Route {
  for (const route of routes) {
    const source = route.pattern
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    if (new RegExp(`^${source}${route.exact ? '/?$' : '(?:/|$)'}`).test(pathname)) return route;
  }
  return { pattern: '*', owner: PLATFORM };
}

/** Every element of the page, in every open shadow root too. */
export function* deepElements(root: Document | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The innermost element at a point, looking into open shadow roots (the browser hides their nodes from us). */
export function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

/** The teams that drew something in the page: a team boundary is in it. */
export function teamsOnPage(doc: Document, owners: Owners): Set<string> {
  const drawn = new Set<string>();
  for (const element of deepElements(doc)) {
    const team = boundaryOf(element, owners);
    if (team) drawn.add(team);
  }
  return drawn;
}
