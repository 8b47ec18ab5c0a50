// The store's processes, in one table read from the team registry: each team's service and the gateway in
// front of them. Ports are offsets from the gateway's port, so a test stack on 3100 uses 3101….
import path from 'node:path';
import { teams } from '../shared/teams.js';

export const repoRoot = path.join(import.meta.dirname, '..');

export interface TeamService {
  readonly team: string;
  /** Offset from the gateway's port. */
  readonly portOffset: number;
  readonly serviceDir: string;
  readonly microfrontendDir: string;
}

/** Every team's service: `npm start` runs each one. */
export const teamServices: readonly TeamService[] = teams.map(({ name, portOffset }) => ({
  team: name,
  portOffset,
  serviceDir: `services/${name}`,
  microfrontendDir: `microfrontends/${name}`,
}));

/** Workspaces whose build output the store serves, with the folders their build reads. */
export const builds = [
  { workspace: '@tractor/root-config', dir: 'root-config' },
  ...teamServices.map((s) => ({ workspace: `@tractor/${s.team}`, dir: s.microfrontendDir })),
];
