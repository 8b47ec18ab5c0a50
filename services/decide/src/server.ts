// Decide's service process: `npm start -w @tractor/decide-service`.
import path from 'node:path';
import { runService } from '@tractor/shared/service';
import { buildDecideApp } from './app.js';

const root = path.join(import.meta.dirname, '..');

await runService({
  team: 'decide',
  defaultPort: 3002,
  defaultDataDir: path.join(root, '.data'),
  migrationsDir: path.join(root, 'migrations'),
  build: (db) =>
    buildDecideApp({
      db,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      staticDir: process.env.STATIC_DIR ?? path.join(root, '../../microfrontends/decide/dist'),
    }),
});
