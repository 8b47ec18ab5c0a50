// The gateway process: `npm start -w @tractor/root-config`. PORT (3000), HOST, and each team's service origin
// from EXPLORE_URL, DECIDE_URL, CHECKOUT_URL (defaults: ports 3001–3003 on this machine).
import path from 'node:path';
import { buildGateway } from './gateway.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';

const repoRoot = path.join(import.meta.dirname, '../..');
const teams = ['explore', 'decide', 'checkout'];

const app = await buildGateway({
  distDir: env.DIST_DIR ?? path.join(import.meta.dirname, '../dist'),
  // MOCK=on: no services; each team's bundle straight from its build folder, msw answers in the page.
  ...(env.MOCK === 'on'
    ? {
        mock: {
          bundles: Object.fromEntries(
            teams.map((t) => [t, path.join(repoRoot, 'microfrontends', t, 'dist')]),
          ),
          workerScript: path.join(repoRoot, 'node_modules/msw/lib/mockServiceWorker.js'),
        },
      }
    : {}),
  services: {
    explore: env.EXPLORE_URL ?? 'http://127.0.0.1:3001',
    decide: env.DECIDE_URL ?? 'http://127.0.0.1:3002',
    checkout: env.CHECKOUT_URL ?? 'http://127.0.0.1:3003',
  },
  logger: { level: env.LOG_LEVEL ?? 'info' },
  // IMPORT_MAP_OVERRIDES='{"@tractor/decide":"http://localhost:9002/tractor-decide.js"}' (npm run dev).
  overrides: JSON.parse(env.IMPORT_MAP_OVERRIDES ?? '{}') as Record<string, string>,
});
await app.listen({ port, host });
console.log(
  `gateway on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${env.MOCK === 'on' ? ' (mock mode)' : ''}`,
);

const close = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
