// npm run vitals: the field signals of a running store, per team, build and route — page views, p75 and sample
// count of LCP (document loads and client-side navigations), INP, CLS and TTFB, long frames and errors per 1 000
// views — for a developer without Grafana. Reads the gateway's internal /metrics (scripts/vitals-report.ts).
// Options: --port N (PORT, 3000) or --origin URL, repeatable: several gateway replicas are summed, as
// Prometheus sums them.
import { parseArgs } from 'node:util';
import { formatVitals, parsePrometheus, vitalsRows } from './vitals-report.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    origin: { type: 'string', multiple: true },
  },
});
const origins = args.origin?.length ? args.origin : [`http://127.0.0.1:${args.port}`];

const series = [];
for (const origin of origins) {
  const url = new URL('/metrics', origin);
  const response = await fetch(url).catch((error: Error) => {
    console.error(
      `No store answers at ${origin} (${error.message}). Start it with npm start, or pass --origin.`,
    );
    process.exit(1);
  });
  if (!response.ok) {
    console.error(`${url} answered ${response.status}: is this the gateway's internal address?`);
    process.exit(1);
  }
  series.push(...parsePrometheus(await response.text()));
}
const rows = vitalsRows(series);
console.log(
  rows.length
    ? formatVitals(rows)
    : 'No field signals yet: open the store in a browser, browse, then leave or hide the tab (pages send their beacon then).',
);
