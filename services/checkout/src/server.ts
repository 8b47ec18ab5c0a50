// Checkout's service process: `npm start -w @tractor/checkout-service`. EXPLORE_URL: Explore's service.
import path from 'node:path';
import { runService } from '@tractor/shared/service';
import { buildCheckoutApp } from './app.js';
import { exploreStoresAt } from './stores.js';

const root = path.join(import.meta.dirname, '..');

await runService({
  team: 'checkout',
  defaultPort: 3003,
  defaultDataDir: path.join(root, '.data'),
  migrationsDir: path.join(root, 'migrations'),
  build: (db) =>
    buildCheckoutApp({
      db,
      stores: exploreStoresAt(process.env.EXPLORE_URL ?? 'http://127.0.0.1:3001'),
      secureCookies: process.env.COOKIE_SECURE === 'true',
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      staticDir: process.env.STATIC_DIR ?? path.join(root, '../../microfrontends/checkout/dist'),
    }),
});
