// One migrated, seeded database and one Explore app per test file.
import path from 'node:path';
import { openTestService } from '@tractor/chassis/testing';
import { buildExploreApp } from './app.js';

export const openTestApp = () =>
  openTestService(path.join(import.meta.dirname, '../migrations'), (db) => buildExploreApp({ db }));
