// Explore's service process: `npm start -w @tractor/explore-service`.
import path from 'node:path';
import { runService } from '@tractor/shared/service';
import { buildExploreApp } from './app.js';

const root = path.join(import.meta.dirname, '..');

await runService({
  team: 'explore',
  defaultPort: 3001,
  defaultDataDir: path.join(root, '.data'),
  migrationsDir: path.join(root, 'migrations'),
  build: (db) =>
    buildExploreApp({
      db,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      staticDir: process.env.STATIC_DIR ?? path.join(root, '../../microfrontends/explore/dist'),
    }),
});
