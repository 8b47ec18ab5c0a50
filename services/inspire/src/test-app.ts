// One migrated, seeded database and one Inspire app per test file.
import path from 'node:path';
import { openTestService } from '@tractor/chassis/testing';
import { buildInspireApp } from './app.js';

export const openTestApp = () =>
  openTestService(path.join(import.meta.dirname, '../migrations'), (db) => buildInspireApp({ db }));
