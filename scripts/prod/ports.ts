// Where the production topology listens, from its one port: the edge (HTTPS), its internal listener,
// a private PostgreSQL, then each upstream's replicas (the gateway first, then the teams in registry order).
import { teams } from '../../shared/teams.js';

export function prodPorts(base: number, replicas: number) {
  const replicaPorts = (index: number) =>
    Array.from({ length: replicas }, (_, i) => base + 100 + index * 10 + i);
  return {
    edge: base,
    internal: base + 1,
    postgres: base + 2,
    gateway: replicaPorts(0),
    team: (name: string) => replicaPorts(teams.findIndex((t) => t.name === name) + 1),
  };
}
