// The store's processes, in one table: each team's service (which also serves its built micro-frontend) and
// the gateway in front of them. Ports are offsets from the gateway's port, so a test stack on 3100 uses 3101….
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.join(import.meta.dirname, '..');

/** Teams the gateway routes to, built or not (a missing one answers 503 and the page shows its error screen). */
export const allTeams = [
  { team: 'explore', portOffset: 1, devPort: 9001 },
  { team: 'decide', portOffset: 2, devPort: 9002 },
  { team: 'checkout', portOffset: 3, devPort: 9003 },
] as const;

export interface TeamService {
  readonly team: string;
  /** Offset from the gateway's port. */
  readonly portOffset: number;
  readonly serviceDir: string;
  readonly microfrontendDir: string;
}

/** The teams that exist in this repository (services/<team>): `npm start` runs each one's service. */
export const teamServices: readonly TeamService[] = allTeams
  .filter(({ team }) => existsSync(path.join(repoRoot, 'services', team, 'package.json')))
  .map(({ team, portOffset }) => ({
    team,
    portOffset,
    serviceDir: `services/${team}`,
    microfrontendDir: `microfrontends/${team}`,
  }));

/** Workspaces whose build output the store serves, with the folders their build reads. */
export const builds = [
  { workspace: '@tractor/root-config', dir: 'root-config' },
  ...teamServices.map((s) => ({ workspace: `@tractor/${s.team}`, dir: s.microfrontendDir })),
];
