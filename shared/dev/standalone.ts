// The standalone page of one team's micro-frontend (webpack-dev-server, `npm run dev:<team>`): a tiny root
// config that registers only this team's pages, answers this team's API with its msw handlers, and shows
// other teams' fragments for real when the full store runs, or as labelled placeholders when it does not.
// Development only: never part of a team's bundle.
import { pathToActiveWhen, registerApplication, start, navigateToUrl, type LifeCycles } from 'single-spa';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { interceptLinks } from '../spa/links.js';
import { teams } from '../teams.js';

interface Page {
  readonly name: string;
  readonly path: string;
  readonly label: string;
  readonly exact?: boolean;
  /** A URL to open it with, when the path has parameters (e.g. /product/CL-01). */
  readonly example?: string;
}

export interface StandaloneConfig {
  readonly team: string;
  readonly pages: readonly Page[];
  /** Where the full store runs (npm start): other teams' real fragments come from there. */
  readonly storeOrigin: string;
}

const config = JSON.parse(document.getElementById('standalone-config')!.textContent!) as StandaloneConfig;
const teamModule = `@tractor/${config.team}`;
const importModule = (specifier: string): Promise<Record<string, unknown>> =>
  import(/* webpackIgnore: true */ specifier);

async function mockOwnService() {
  const worker = setupWorker();
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  worker.use(...((await importModule(`${teamModule}/mocks`)).handlers as RequestHandler[]));
  // ?mockFail=/explore/api/products makes that path fail (503), to see the error states.
  for (const path of new URLSearchParams(location.search).getAll('mockFail')) {
    worker.use(
      http.all(`*${path}`, () =>
        HttpResponse.json(
          { statusCode: 503, error: 'Service Unavailable', message: `${path} fails (mocked).` },
          { status: 503 },
        ),
      ),
    );
  }
}

// A constructed style sheet, not a <style> element: the page's CSP allows no inline style it has not hashed.
const placeholderStyle = new CSSStyleSheet();
placeholderStyle.replaceSync(`.placeholder-fragment { display: inline-block; padding: 0.5rem 0.75rem;
  border: 2px dashed #9a9a9a; border-radius: 0.5rem; color: #5f5f5f; font: 0.75rem/1.4 ui-monospace, monospace; }`);

/** The running store's live import map (its team entries), or undefined when no store answers. */
async function storeImports(): Promise<Record<string, string> | undefined> {
  try {
    const response = await fetch(`${config.storeOrigin}/importmap.json`, {
      signal: AbortSignal.timeout(1500),
    });
    if (response.ok) return ((await response.json()) as { imports: Record<string, string> }).imports;
  } catch {
    // the store is not running
  }
  return undefined;
}

/**
 * Another team's fragments: its live module from the running store (loaded by URL, so its imports of shared
 * libraries resolve through this page's map: one Lit), or placeholders. Returns which.
 */
async function otherTeam(
  team: string,
  tags: readonly string[],
  store: Record<string, string> | undefined,
): Promise<'real' | 'placeholders'> {
  const entry = store?.[`@tractor/${team}`];
  if (entry) {
    try {
      await importModule(new URL(entry, config.storeOrigin).href);
      return 'real';
    } catch (error) {
      console.warn(`${team}'s module from the store could not be loaded: placeholders instead.`, error);
    }
  }
  for (const tag of tags) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          const box = document.createElement('div');
          box.className = 'placeholder-fragment';
          const attributes = [...this.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
          box.textContent = `<${tag}${attributes}> placeholder`;
          box.title = `Team ${team}'s fragment. Start the store (npm start) to see the real one here.`;
          // Its own shadow root and style: placeholders often sit inside other elements' shadow roots.
          const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
          root.adoptedStyleSheets = [placeholderStyle];
          root.replaceChildren(box);
        }
      },
    );
  }
  return 'placeholders';
}

function registerPages() {
  const main = document.getElementById('pages')!;
  for (const page of config.pages) {
    const name = `${teamModule}/${page.name}`;
    const container = document.createElement('div');
    container.id = `single-spa-application:${name}`;
    main.append(container);
    registerApplication({
      name,
      app: async () => (await importModule(teamModule))[page.name] as LifeCycles,
      activeWhen: pathToActiveWhen(page.path, page.exact ?? false),
    });
  }
}

/**
 * The dev server prints its root: a team with no page there (Decide's is /product/:id) opens its first page
 * rather than a frame around nothing.
 */
function openFirstPage() {
  const first = config.pages[0];
  if (!first || location.pathname !== '/') return;
  if (config.pages.some((page) => pathToActiveWhen(page.path, page.exact ?? false)(location))) return;
  history.replaceState(history.state, '', first.example ?? first.path);
}

/** A team without pages (Inspire) shows its fragments, with the registry's example attributes. */
function showOwnFragments() {
  const own = teams.find((t) => t.name === config.team);
  if (!own || config.pages.length > 0) return;
  const main = document.getElementById('pages')!;
  for (const tag of own.fragments) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(own.examples?.[tag] ?? {})) element.setAttribute(name, value);
    main.append(element);
  }
}

function devBar(others: Record<string, 'real' | 'placeholders'>) {
  const bar = document.getElementById('dev-bar')!;
  const title = document.createElement('strong');
  title.textContent = `${config.team} · standalone`;
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Pages of this micro-frontend');
  for (const page of config.pages) {
    const link = document.createElement('a');
    link.href = page.example ?? page.path;
    link.textContent = page.label;
    nav.append(link);
  }
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.textContent = [
    `API: ${config.team}'s mocks (msw)`,
    ...Object.entries(others).map(([team, how]) =>
      how === 'real' ? `${team}: real, from ${config.storeOrigin}` : `${team}: placeholders`,
    ),
  ].join(' · ');
  bar.replaceChildren(title, nav, status);
}

await mockOwnService();
const store = await storeImports();
const others = Object.fromEntries(
  await Promise.all(
    teams
      .filter((t) => t.name !== config.team && t.fragments.length > 0)
      .map(async (t) => [t.name, await otherTeam(t.name, t.fragments, store)] as const),
  ),
);
await importModule(teamModule); // defines this team's own fragments
registerPages();
showOwnFragments();
devBar(others);
openFirstPage();
interceptLinks(navigateToUrl);
start({ urlRerouteOnly: true });
