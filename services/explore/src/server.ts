// Explore's service process: `npm start -w @tractor/explore-service`.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { renderer } from '@tractor/explore/ssr';
import { buildExploreApp } from './app.js';

await runService({
  team: 'explore',
  serviceDir: path.join(import.meta.dirname, '..'),
  renderer,
  build: (db, common) => buildExploreApp({ db, ...common }),
});
