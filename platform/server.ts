// The gateway process: `npm start -w @tractor/platform`. From the environment:
//   PORT (3000), HOST (127.0.0.1), LOG_LEVEL
//   <TEAM>_URL            each team's service origin, e.g. EXPLORE_URL (default: the gateway's port + the team's offset)
//   DATA_DIR              the platform's data: the import map's PGlite database and the asset store (platform/.data)
//   DATABASE_URL          the import map on a real PostgreSQL instead of PGlite
//   ASSET_DIR             the asset store's folder (DATA_DIR/assets)
//   DEPLOY_TOKENS         JSON, team → deploy token (≥ 32 bytes, one per team); required when NODE_ENV=production.
//                         Otherwise DEPLOY_TOKENS_FILE (platform/.data/deploy-tokens.json), created on first start
//   PREVIEW_KEY           the key preview links and cookies are signed with (≥ 32 bytes); required when
//                         NODE_ENV=production. Otherwise kept beside the deploy tokens (preview-key), made on first start
//   MOCK=on               mock mode: no services, msw answers in the page
//   IMPORT_MAP_OVERRIDES  JSON, module → URL (npm run dev)
//   SSR_BUDGET_MS         how long a page waits for the teams' server-rendered parts (150); 0: none
//   DEVTOOLS=on           developer tools (dev modes): ?devtools turns on import-map-overrides
//   DEVTOOLS_ORIGINS      where overrides may load modules from, comma-separated (http://localhost:*,http://127.0.0.1:*)
//   ORDERS_PER_MINUTE     orders one client (address) may place per minute (5); CART_WRITES_PER_10S its cart writes
//                         per 10 s (30): see rate-limits.ts. Only a load generator playing many shoppers from one
//                         address raises them; tests about the limits keep the defaults.
//   RUM_SAMPLE_RATE       the share of page views that send field signals, 0–1 (1)
//   RUM_BEACONS_PER_MINUTE  field-signal beacons one client (address) may send per minute (120); behind the edge,
//                         which limits per client itself, the gateway sees one address and is given a high limit
import path from 'node:path';
import { closeOnSignal, migrate, openDatabase } from '@tractor/chassis';
import { teams } from '@tractor/shared/teams';
import { LOCAL_ORIGINS } from './gateway/csp.js';
import { buildGateway } from './gateway/gateway.js';
import { beaconLimitFrom, writeLimitsFrom } from './gateway/rate-limits.js';
import { localPreviewKey, PreviewKey } from './importmap/previews.js';
import {
  DeployTokens,
  LOCAL_TOKENS_FILE,
  localTokens,
  parseTokens,
  type TokenTable,
} from './importmap/tokens.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';

const repoRoot = path.join(import.meta.dirname, '..');
const dataDir = env.DATA_DIR ?? path.join(import.meta.dirname, '.data');

/**
 * The teams' deploy tokens. Production takes them only from DEPLOY_TOKENS (a secret store's): a file of tokens
 * beside the code would be in every copy of it. Anything wrong stops the gateway with a message saying what.
 */
function deployTokens(): TokenTable {
  const names = teams.map((t) => t.name);
  try {
    if (env.DEPLOY_TOKENS) return parseTokens(env.DEPLOY_TOKENS, names);
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'DEPLOY_TOKENS is not set. In production the gateway takes the deploy tokens only from it ' +
          '(JSON, team → a token of at least 32 bytes, one per team), never from a file.',
      );
    }
    return localTokens(env.DEPLOY_TOKENS_FILE ?? LOCAL_TOKENS_FILE, names);
  } catch (error) {
    console.error(`The gateway cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** The preview key: like the deploy tokens, only from the environment in production. */
function previewKey(): PreviewKey {
  try {
    if (env.PREVIEW_KEY) return new PreviewKey(env.PREVIEW_KEY);
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'PREVIEW_KEY is not set. In production it comes only from the environment (≥ 32 bytes).',
      );
    }
    const tokensFile = env.DEPLOY_TOKENS_FILE ?? LOCAL_TOKENS_FILE;
    return new PreviewKey(localPreviewKey(path.join(path.dirname(tokensFile), 'preview-key')));
  } catch (error) {
    console.error(`The gateway cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** RUM_SAMPLE_RATE: a number from 0 to 1 (default 1: every page view sends its field signals). */
function sampleRate(): number {
  const value = env.RUM_SAMPLE_RATE ?? '1';
  const rate = Number(value);
  if (value.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    console.error(`The gateway cannot start: RUM_SAMPLE_RATE must be a number from 0 to 1, not "${value}".`);
    process.exit(1);
  }
  return rate;
}

const tokens = deployTokens();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(dataDir, 'importmap') });
await migrate(db, path.join(import.meta.dirname, 'importmap/migrations'));

const app = await buildGateway({
  distDir: env.DIST_DIR ?? path.join(import.meta.dirname, '../root-config/dist'),
  services: Object.fromEntries(
    teams.map((t) => [
      t.name,
      env[`${t.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port + t.portOffset}`,
    ]),
  ),
  platform: {
    db,
    assetDir: env.ASSET_DIR ?? path.join(dataDir, 'assets'),
    tokens: new DeployTokens(tokens),
    previewKey: previewKey(),
    secureCookies: env.NODE_ENV === 'production',
  },
  ...(env.MOCK === 'on'
    ? { mock: { workerScript: path.join(repoRoot, 'node_modules/msw/lib/mockServiceWorker.js') } }
    : {}),
  logger: { level: env.LOG_LEVEL ?? 'info' },
  overrides: JSON.parse(env.IMPORT_MAP_OVERRIDES ?? '{}') as Record<string, string>,
  ...(env.SSR_BUDGET_MS ? { ssrBudgetMs: Number(env.SSR_BUDGET_MS) } : {}),
  writeLimits: writeLimitsFrom(env),
  rum: { sampleRate: sampleRate(), limit: beaconLimitFrom(env) },
  ...(env.DEVTOOLS === 'on'
    ? { devtools: { origins: env.DEVTOOLS_ORIGINS?.split(',').filter(Boolean) ?? LOCAL_ORIGINS } }
    : {}),
});
await app.listen({ port, host });
console.log(
  `gateway on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (import map on ${db.kind})` +
    `${env.MOCK === 'on' ? ' (mock mode)' : ''}`,
);

closeOnSignal(app, db);
