// Inspire's service process: `npm start -w @tractor/inspire-service`.
import path from 'node:path';
import { runService } from '@tractor/chassis';
import { buildInspireApp } from './app.js';

await runService({
  team: 'inspire',
  serviceDir: path.join(import.meta.dirname, '..'),
  render: true,
  build: (db, common) => buildInspireApp({ db, ...common }),
});
