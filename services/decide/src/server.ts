// Decide's service process: `npm start -w @tractor/decide-service`.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { renderer } from '@tractor/decide/ssr';
import { buildDecideApp } from './app.js';

await runService({
  team: 'decide',
  serviceDir: path.join(import.meta.dirname, '..'),
  renderer,
  build: (db, common) => buildDecideApp({ db, ...common }),
});
