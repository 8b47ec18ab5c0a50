// Explore's service process: `npm start -w @tractor/explore-service`.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { buildExploreApp } from './app.js';

await runService({
  team: 'explore',
  serviceDir: path.join(import.meta.dirname, '..'),
  render: true,
  build: (db, common) => buildExploreApp({ db, ...common }),
});
