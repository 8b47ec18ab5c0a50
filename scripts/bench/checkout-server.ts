// A Checkout service for the load benchmark only: its own temporary database, with stock high enough that
// every order can succeed (and AU-02-BL at 3, for the oversell check). EXPLORE_URL: Explore's service;
// DATABASE_URL: PostgreSQL instead of PGlite.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '@tractor/chassis';
import { buildCheckoutApp } from '../../services/checkout/src/app.js';
import { exploreStoresAt } from '../../services/checkout/src/stores.js';

// DATABASE_URL: an empty PostgreSQL database to use instead (the benchmark makes and drops it).
const db = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'bench-checkout-')),
});
await migrate(db, path.join(import.meta.dirname, '../../services/checkout/migrations'));
await db.query("UPDATE variant SET stock = CASE WHEN sku = 'AU-02-BL' THEN 3 ELSE 1000000 END");
const app = await buildCheckoutApp({ db, stores: exploreStoresAt(process.env.EXPLORE_URL!) });
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0)),
);
