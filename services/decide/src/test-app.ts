// One migrated, seeded database and one Decide app per test file.
import path from 'node:path';
import { openTestService } from '@tractor/chassis/testing';
import { buildDecideApp } from './app.js';

export const openTestApp = () =>
  openTestService(path.join(import.meta.dirname, '../migrations'), (db) => buildDecideApp({ db }));
