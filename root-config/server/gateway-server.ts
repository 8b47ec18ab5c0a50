// The gateway process: `npm start -w @tractor/root-config`. PORT (3000), HOST, and each team's service origin
// from <TEAM>_URL, e.g. EXPLORE_URL (default: this machine, the gateway's port + the team's offset).
import path from 'node:path';
import { teams } from '@tractor/shared/teams';
import { buildGateway } from './gateway.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';

const repoRoot = path.join(import.meta.dirname, '../..');

const app = await buildGateway({
  distDir: env.DIST_DIR ?? path.join(import.meta.dirname, '../dist'),
  // MOCK=on: no services; each team's bundle straight from its build folder, msw answers in the page.
  ...(env.MOCK === 'on'
    ? {
        mock: {
          bundles: Object.fromEntries(
            teams.map((t) => [t.name, path.join(repoRoot, 'microfrontends', t.name, 'dist')]),
          ),
          workerScript: path.join(repoRoot, 'node_modules/msw/lib/mockServiceWorker.js'),
        },
      }
    : {}),
  services: Object.fromEntries(
    teams.map((t) => [
      t.name,
      env[`${t.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port + t.portOffset}`,
    ]),
  ),
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
