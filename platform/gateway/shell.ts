// The page, rendered per request: the root config's template (index.html, built once) with the live import map
// inlined — the platform's entries and every team's live entries, with their integrity — and modulepreload
// links for the modules this URL needs; then the body: the layout for this URL with the teams' server-rendered
// parts (compose.ts). The head is sent at once, the body as its parts arrive. A deploy shows on the next page
// load; nothing is rebuilt.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deployment, ImportMap } from '@tractor/shared/contracts/importmap';
import type { PageFacts } from '@tractor/shared/contracts/rum';
import { escapeHtml, scriptJson } from '@tractor/shared/html';
import { pictureUrl } from '@tractor/shared/pictures';
import { teamModule, teams } from '@tractor/shared/teams';
import { PICTURE_SIZES, srcset, type PictureSize } from '@tractor/shared/ui/srcset';
import { liveImportMap } from '../importmap/deployments.js';
import { withNonce } from './csp.js';
import { layoutChunks, mapChunk, readLayout, type Chunk, type Composition, type Layout } from './compose.js';

/** What the root config's build says of the platform (dist/platform.json). */
export interface PlatformBuild extends ImportMap {
  /** Modules every page needs, in the order to request them. */
  readonly preloads: readonly string[];
  /** The developer tools' classic scripts: import-map-injector and import-map-overrides. */
  readonly devtools: { readonly injector: string; readonly overrides: string };
}

export interface Shell {
  readonly template: string;
  readonly platform: PlatformBuild;
  readonly layout: Layout;
  /** The root config's build id: 12 hex digits of its platform.json, which names every file it built. */
  readonly build: string;
}

export function readShell(distDir: string): Shell {
  const template = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const platform = readFileSync(path.join(distDir, 'platform.json'), 'utf8');
  return {
    template,
    platform: JSON.parse(platform) as PlatformBuild,
    layout: readLayout(template),
    build: createHash('sha256').update(platform).digest('hex').slice(0, 12),
  };
}

/** single-spa-layout's path syntax (/product/:id) matched against a URL's path: its parameters, or undefined. */
function matches(pattern: string, exact: boolean, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  const match = new RegExp(`^${source}${exact ? '/?$' : '(?:/|$)'}`).exec(pathname);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) : undefined;
}

/** The team and page that show at this path, with the path's parameters. */
export function pageAt(pathname: string) {
  for (const team of teams) {
    for (const page of team.pages) {
      const params = matches(page.path, page.exact ?? false, pathname);
      if (params) return { team: team.name, page, params };
    }
  }
  return undefined;
}

/** The team whose page shows at this path, if any. */
export const pageTeam = (pathname: string) => pageAt(pathname)?.team;

/** What the page at this path declares critical (registry), with its parameters filled in. */
export function criticalResources(pathname: string): CriticalResource[] {
  const at = pageAt(pathname);
  const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => at!.params[name] ?? '');
  return (at?.page.critical ?? []).map((entry) =>
    typeof entry === 'string'
      ? { url: fill(entry) }
      : { url: fill(pictureUrl(...entry.picture)), sizes: entry.sizes },
  );
}

/** A data URL, or a picture with the size it shows at. */
export interface CriticalResource {
  readonly url: string;
  readonly sizes?: PictureSize;
}

/**
 * A preload link for a critical resource: a picture as the page's <img> will ask for it (the same srcset and
 * sizes, so the browser preloads the very file it will show), the rest as the page's fetch would ask.
 */
const preloadLink = ({ url, sizes }: CriticalResource) =>
  sizes
    ? `<link rel="preload" as="image" href="${escapeHtml(url)}" imagesrcset="${escapeHtml(srcset(url))}" imagesizes="${escapeHtml(PICTURE_SIZES[sizes])}" fetchpriority="high" />`
    : `<link rel="preload" as="fetch" href="${escapeHtml(url)}" crossorigin="anonymous" />`;

export interface PageOptions {
  /** Mock mode: the root config starts msw's worker before anything else. */
  readonly mock?: boolean;
  /** Development: module name → URL, one more map after the live one (later maps win), and the overlay. */
  readonly overrides?: Readonly<Record<string, string>> | undefined;
  /**
   * A developer's page (import-map-overrides wanted, or overrides given): the maps go through
   * import-map-injector, so an override can win over the live map. A shopper's page has one native map.
   */
  readonly developer?: boolean;
  /** The server allows developer tools (dev modes): only then may a shopper's ?devtools ask for them. */
  readonly devtools?: boolean;
  /** This response's CSP nonce: every inline script and style of the page carries it. */
  readonly nonce: string;
  /** The share of page views that send field signals (0–1; default 1). */
  readonly rumSampleRate?: number;
}

/** The page in three parts: the head (ready now), the body's chunks (as teams answer), the rest. */
export interface PagePlan {
  /** The page's HTTP status (404: the URL names nothing), known by the composition's deadline at the latest. */
  readonly status: Promise<number>;
  readonly head: string;
  readonly body: readonly Chunk[];
  /** The rest of the page, once the body is written (it depends on whether the page was server-rendered). */
  readonly tail: () => string;
}

const HYDRATE_SUPPORT = '@lit-labs/ssr-client/lit-element-hydrate-support.js';

/** A shopper's ?devtools (or localStorage.devtools) asks for a developer's page: once, by cookie. */
const DEVTOOLS_OPT_IN = `<script>
      try {
        if (new URLSearchParams(location.search).has('devtools')) localStorage.setItem('devtools', 'true');
        if (localStorage.getItem('devtools') && !sessionStorage.getItem('tractor-devtools')) {
          sessionStorage.setItem('tractor-devtools', 'asked');
          document.cookie = 'tractor-devtools=on; path=/; SameSite=Lax';
          location.reload();
        }
      } catch {}
    </script>`;

/** A developer's page: import-map-overrides while localStorage.devtools is set; the cookie goes with it. */
const devtoolsScripts = (overridesUrl: string, nonce: string) => `<script>
      try {
        if (localStorage.getItem('devtools')) {
          document.write('<script src="${overridesUrl}"><\\/script>');
          document.write(
            '<import-map-overrides-full show-when-local-storage="devtools" dev-libs style-nonce="${nonce}"></import-map-overrides-full>',
          );
        } else {
          document.cookie = 'tractor-devtools=; path=/; max-age=0; SameSite=Lax';
        }
      } catch {}
    </script>`;

/**
 * The template's <!-- %NAME% --> markers filled in, in one pass (what is filled in is never read again) and by a
 * function: the parts hold request data (the URL's path in preload links), whose $', $& or $` a replacement
 * string would read as patterns, splicing the template's rest into a link and swallowing the boot script.
 */
const fillMarkers = (template: string, parts: Readonly<Record<string, string>>) =>
  template.replace(/<!-- %([A-Z_]+)% -->/g, (marker, name: string) => parts[name] ?? marker);

export function planPage(
  shell: Shell,
  live: readonly Deployment[],
  url: URL,
  options: PageOptions & { composition: Composition },
): PagePlan {
  const pathname = url.pathname;
  const map = liveImportMap(shell.platform, live);
  const developer = Boolean((options.devtools && options.developer) || options.overrides);
  const meta: string[] = [];
  // The page's own data and pictures: at once when its team will not server-render it (mock mode, a
  // developer's page, no service); after the body if it was asked to and missed its budget. Not the data in
  // mock mode: msw's worker does not control the page's first requests, so they would reach the gateway.
  const critical = criticalResources(pathname)
    .filter((resource) => !options.mock || resource.sizes)
    .map(preloadLink)
    .join('\n    ');
  const team = pageTeam(pathname);
  const ownTeamRenders = Boolean(team && options.composition.mayRender(team));
  if (!ownTeamRenders && critical) meta.push(critical);
  if (options.mock) meta.push('<meta name="tractor-mode" content="mock" />');
  if (options.overrides) meta.push('<meta name="tractor-devtools" content="on" />');

  // Every page shows the fragment-owning teams' elements (header, mini cart); the page's own team is needed
  // too. A preload carries the map's integrity, or the browser cannot reuse it for the import.
  const wanted = new Set(teams.filter((t) => t.fragments.length > 0).map((t) => t.name));
  const ownTeam = pageTeam(pathname);
  if (ownTeam) wanted.add(ownTeam);
  const teamEntries = [...wanted]
    .filter((team) => !options.overrides?.[teamModule(team)])
    .map((team) => map.imports[teamModule(team)])
    .filter((url): url is string => url !== undefined);
  const modules = [...shell.platform.preloads, ...teamEntries].map((href) => ({
    href,
    integrity: map.integrity[href],
  }));
  const preloadLinks = modules
    .map(
      ({ href, integrity }) =>
        `<link rel="modulepreload" href="${escapeHtml(href)}"${integrity ? ` integrity="${integrity}"` : ''} />`,
    )
    .join('\n    ');

  let maps: string[];
  /** What ends the body: the modules and the boot, once it is known whether the page was server-rendered. */
  let ending: (serverRendered: boolean) => { preloads: string; boot: string };
  if (developer) {
    // The browser enforces integrity from a native map; import-map-injector (which merges the maps and the
    // developer's overrides into the native map of imports) passes only imports on. So the integrity goes
    // first, in a native map of its own.
    meta.unshift('<meta name="importmap-type" content="importmap" use-injector />');
    maps = [
      `<script type="importmap">${scriptJson({ integrity: map.integrity })}</script>`,
      `<script type="injector-importmap">${scriptJson({ imports: map.imports })}</script>`,
    ];
    if (options.overrides) {
      maps.push(`<script type="injector-importmap">${scriptJson({ imports: options.overrides })}</script>`);
    }
    maps.push(devtoolsScripts(shell.platform.devtools.overrides, options.nonce));
    maps.push(`<script src="${escapeHtml(shell.platform.devtools.injector)}"></script>`);
    ending = () => ({
      preloads: preloadLinks,
      boot: `<script>
      window.importMapInjector.initPromise
        .then(() => import('${HYDRATE_SUPPORT}'))
        .then(() => import('@tractor/root-config'));
    </script>`,
    });
  } else {
    // No script blocks the parser: the map is native.
    maps = [`<script type="importmap">${scriptJson(map)}</script>`];
    if (options.devtools) maps.push(DEVTOOLS_OPT_IN);
    // Lit's hydration support must run before lit-element does (server-rendered elements hydrate, not
    // render twice): it first, then the root config. A page the browser must render itself preloads its
    // modules (after the body, so its images are found first) and boots at once. A server-rendered page needs
    // no script to show: it asks for its modules once it has loaded (measured: preloading them alongside
    // delayed its largest paint by 10–45 %, competing with the images for connections and the main thread).
    ending = (serverRendered) => {
      const start = `import('${HYDRATE_SUPPORT}').then(() => import('@tractor/root-config'))`;
      if (!serverRendered) {
        const late = ownTeamRenders && critical ? `${critical}\n    ` : '';
        return { preloads: late + preloadLinks, boot: `<script type="module">${start};</script>` };
      }
      return {
        preloads: '',
        boot: `<script type="module">
      const boot = () => {
        for (const { href, integrity } of ${scriptJson(modules)}) {
          const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href });
          if (integrity) link.integrity = integrity;
          document.head.append(link);
        }
        ${start};
      };
      // After the frame that shows what has loaded: the scripts must not take the main thread before it.
      const afterPaint = () => requestAnimationFrame(() => setTimeout(boot));
      if (document.readyState === 'complete') afterPaint();
      else addEventListener('load', afterPaint, { once: true });
    </script>`,
      };
    };
  }

  const page = fillMarkers(shell.template, {
    HEAD_META: meta.join('\n    '),
    IMPORT_MAPS: maps.join('\n    '),
  });
  // The layout is laid out here; the browser's layout engine adopts it (root-config/src/server-layout.ts).
  const body = page.indexOf('<body>');
  const rest = page.slice(body + '<body>'.length);
  const nonced = (html: string) => withNonce(html, options.nonce);
  const laidOut = layoutChunks(shell.layout, url, options.composition);
  return {
    status: laidOut.status,
    head: nonced(`${page.slice(0, body)}<body data-ssr-layout>`),
    body: laidOut.chunks.map((chunk) => mapChunk(chunk, nonced)),
    tail: () => {
      const { preloads, boot } = ending(options.composition.pageServerRendered);
      const facts: PageFacts = {
        ssr: [...options.composition.serverRendered].sort(),
        rum: options.rumSampleRate ?? 1,
        build: shell.build,
      };
      // What the page's field signals need of the server (root-config/src/field-signals.ts).
      const factsScript = `<script type="application/json" id="tractor-page">${scriptJson(facts)}</script>`;
      return nonced(fillMarkers(rest, { MODULE_PRELOADS: preloads, BOOT: `${factsScript}\n    ${boot}` }));
    },
  };
}
