// Where the e2e tests run things. The store is on E2E_PORT (3100); the rest are offsets or fixed test ports,
// away from the ports a developer uses (3000, each team's dev port): a team's dev server runs on its dev port
// + 100 (9101, 9102, …).
import { teams } from '../shared/teams.js';

export const STORE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MOCK_PORT = STORE_PORT + 300;
export const DEV_PORTS: Readonly<Record<string, number>> = Object.fromEntries(
  teams.map((t) => [t.name, t.devPort + 100]),
);
export const devOrigin = (team: string) => `http://localhost:${DEV_PORTS[team]}`;
