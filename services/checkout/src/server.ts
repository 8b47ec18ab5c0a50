// Checkout's service process: `npm start -w @tractor/checkout-service`. EXPLORE_URL: Explore's service;
// COOKIE_SECURE=true sends the cart cookie over HTTPS only.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { team } from '@tractor/shared/teams';
import { buildCheckoutApp } from './app.js';
import { exploreStoresAt } from './stores.js';

await runService({
  team: 'checkout',
  serviceDir: path.join(import.meta.dirname, '..'),
  render: true,
  build: (db, common) =>
    buildCheckoutApp({
      db,
      ...common,
      stores: exploreStoresAt(
        process.env.EXPLORE_URL ?? `http://127.0.0.1:${3000 + team('explore').portOffset}`,
      ),
      secureCookies: process.env.COOKIE_SECURE === 'true',
    }),
});
