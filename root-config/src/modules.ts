// How the root config finds team code: an application "@tractor/explore/home" is the export "home" of the
// module "@tractor/explore" (resolved by the import map, so an override can point it elsewhere).
import type { LifeCycles } from 'single-spa';
import { teamModule, teams } from '@tractor/shared/teams';

/** Every team's module. */
export const TEAM_MODULES = teams.map((t) => teamModule(t.name));

/** Teams whose custom elements appear on pages they do not own (header, mini cart, recommendations, ...). */
export const FRAGMENT_MODULES = teams.filter((t) => t.fragments.length > 0).map((t) => teamModule(t.name));

/** Imports a module by its import-map name (never bundled: the map decides where it comes from). */
export const importModule = (specifier: string): Promise<Record<string, unknown>> =>
  import(/* webpackIgnore: true */ specifier);

export async function loadPage(name: string): Promise<LifeCycles> {
  const [scope, team, page] = name.split('/');
  const specifier = `${scope}/${team}`;
  const lifecycles = (await importModule(specifier))[page ?? ''];
  if (!lifecycles) throw new Error(`${specifier} has no page "${page}".`);
  return lifecycles as LifeCycles;
}

/**
 * Starts loading every fragment-owning module at once, without waiting: their elements upgrade when they
 * arrive. A page owned by Decide still gets Explore's header and recommendations this way.
 */
export function loadFragments(): void {
  for (const specifier of FRAGMENT_MODULES) {
    importModule(specifier).catch((error: unknown) => {
      console.warn(`${specifier} could not be loaded; its fragments stay empty until it is back.`, error);
    });
  }
}
