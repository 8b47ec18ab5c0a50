// One migrated, seeded database and one Checkout app per test file. Explore's stores come from Explore's msw
// mock through Explore's real typed client, so the service-to-service call is exercised too.
import path from 'node:path';
import { ExploreClient } from '@tractor/shared/contracts/explore/client';
import { openTestService } from '@tractor/chassis/testing';
import { buildCheckoutApp } from './app.js';
import { exploreStores } from './stores.js';

export const EXPLORE_TEST_ORIGIN = 'http://explore.test';

export const openTestApp = () =>
  openTestService(path.join(import.meta.dirname, '../migrations'), (db) =>
    buildCheckoutApp({
      db,
      // Every order asks Explore here (the tests make it fail); stores.test.ts tests the reuse.
      stores: exploreStores((traceId) => new ExploreClient({ baseUrl: EXPLORE_TEST_ORIGIN, traceId }), {
        timeoutMs: 1000,
        reuseMs: 0,
      }),
    }),
  );
