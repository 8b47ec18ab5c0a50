// How the root config finds team code: an application "@tractor/explore/home" is the export "home" of the
// module "@tractor/explore" (resolved by the import map, so an override can point it elsewhere).
import type { LifeCycles } from 'single-spa';
import { teamModule, teams } from '@tractor/shared/teams';

/** Every team's module. */
export const TEAM_MODULES = teams.map((t) => teamModule(t.name));

/** Teams whose custom elements appear on pages they do not own (header, mini cart, recommendations, ...). */
export const FRAGMENT_MODULES = teams.filter((t) => t.fragments.length > 0).map((t) => teamModule(t.name));

type Module = Record<string, unknown>;

/** Imports a module by its import-map name (never bundled: the map decides where it comes from). */
export const importModule = (specifier: string): Promise<Module> =>
  import(/* webpackIgnore: true */ specifier);

const loaded = new Map<string, Module>();
const failures = new Map<string, number>();

/**
 * A team's module by its import-map name — and again after it failed to load. The browser remembers a failed
 * module URL for the life of the page, so a retry asks the live import map where the team's module is now (a
 * deploy may have fixed it) and imports that URL under a name of its own, with its integrity in one more import
 * map: the browser still checks every byte.
 */
export async function importTeam(specifier: string): Promise<Module> {
  const known = loaded.get(specifier);
  if (known) return known;
  const attempt = failures.get(specifier);
  try {
    const module =
      attempt === undefined ? await importModule(specifier) : await importAgain(specifier, attempt);
    loaded.set(specifier, module);
    failures.delete(specifier);
    return module;
  } catch (error) {
    failures.set(specifier, (attempt ?? 0) + 1);
    throw error;
  }
}

async function importAgain(specifier: string, attempt: number): Promise<Module> {
  const response = await fetch('/importmap.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The live import map could not be read (${response.status}).`);
  const live = (await response.json()) as {
    imports: Record<string, string>;
    integrity?: Record<string, string>;
  };
  const url = live.imports[specifier];
  if (!url) throw new Error(`The live import map has no ${specifier}.`);
  const retry = new URL(url, location.href);
  retry.searchParams.set('retry', String(attempt));
  const integrity = live.integrity?.[url];
  if (integrity) {
    const map = document.createElement('script');
    map.type = 'importmap';
    // The page's CSP admits inline scripts with its nonce only: this one carries it too.
    map.nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
    map.textContent = JSON.stringify({ integrity: { [retry.href]: integrity } });
    document.head.append(map);
  }
  return import(/* webpackIgnore: true */ retry.href) as Promise<Module>;
}

export async function loadPage(name: string): Promise<LifeCycles> {
  const [scope, team, page] = name.split('/');
  const specifier = `${scope}/${team}`;
  const lifecycles = (await importTeam(specifier))[page ?? ''];
  if (!lifecycles) throw new Error(`${specifier} has no page "${page}".`);
  return lifecycles as LifeCycles;
}

/**
 * Starts loading every fragment-owning module at once, without waiting: their elements upgrade when they
 * arrive. A page owned by Decide still gets Explore's header and recommendations this way. Called again on
 * every navigation: a module that failed is tried again then.
 */
export function loadFragments(): void {
  for (const specifier of FRAGMENT_MODULES) {
    if (loaded.has(specifier)) continue;
    importTeam(specifier).catch((error: unknown) => {
      console.warn(
        `${specifier} could not be loaded; its fragments stay as they are until it is back.`,
        error,
      );
    });
  }
}
