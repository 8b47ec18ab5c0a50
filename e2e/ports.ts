// Where the e2e tests run things. The store is on E2E_PORT (3100); the rest are offsets or fixed test ports,
// away from the ports a developer uses (3000, 9001–9003).
export const STORE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MOCK_PORT = STORE_PORT + 300;
export const DEV_PORTS = { explore: 9101, decide: 9102, checkout: 9103 } as const;
export const devOrigin = (team: keyof typeof DEV_PORTS) => `http://localhost:${DEV_PORTS[team]}`;
