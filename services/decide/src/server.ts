// Decide's service process: `npm start -w @tractor/decide-service`.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { buildDecideApp } from './app.js';

await runService({
  team: 'decide',
  serviceDir: path.join(import.meta.dirname, '..'),
  render: true,
  build: (db, common) => buildDecideApp({ db, ...common }),
});
