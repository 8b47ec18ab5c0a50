// Field signals: POST /rum takes a page view's beacon (shared/contracts/rum.ts), parsed like every other API,
// and aggregates its samples in memory into Prometheus metrics per team × build × route × metric, exported on
// the gateway's internal /metrics. Nothing of the sender is kept: no cookie, address, user agent or URL — only
// the labels the contract allows (a route is one of the layout's patterns, never a raw path).
//
// Memory stays bounded however many distinct builds and routes arrive: at most `maxSeries` label sets are kept;
// a sample that would add one more is dropped and counted (tractor_rum_dropped_samples_total).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { answerErrorsAsJson } from '@tractor/chassis';
import { parseRequest } from '@tractor/shared/contracts/http';
import {
  RUM_MAX_BYTES,
  rumRoutes,
  type RumBeacon,
  type RumMetric,
  type RumSample,
} from '@tractor/shared/contracts/rum';
import { limitBeacons, type WriteLimit } from './rate-limits.js';

const LABELS = ['team', 'build', 'route', 'navigation', 'ssr'] as const;

/**
 * Each metric's histogram, with buckets around its "good" and "poor" thresholds (web.dev): LCP good ≤ 2.5 s,
 * poor > 4 s; FCP 1.8 / 3 s; TTFB 0.8 / 1.8 s; INP 200 / 500 ms; CLS 0.1 / 0.25. Durations in seconds.
 */
const HISTOGRAMS = {
  LCP: {
    name: 'tractor_rum_lcp_seconds',
    help: 'Largest contentful paint (of a client-side navigation: from the route change)',
    buckets: [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 6, 10],
  },
  FCP: {
    name: 'tractor_rum_fcp_seconds',
    help: 'First contentful paint',
    buckets: [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 1.8, 2.5, 3, 4, 6, 10],
  },
  TTFB: {
    name: 'tractor_rum_ttfb_seconds',
    help: 'Time to first byte of the document',
    buckets: [0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.8, 3, 6],
  },
  INP: {
    name: 'tractor_rum_inp_seconds',
    help: "Interaction to next paint, by the interacted element's team",
    buckets: [0.016, 0.04, 0.08, 0.12, 0.2, 0.3, 0.5, 0.75, 1, 2],
  },
  CLS: {
    name: 'tractor_rum_cls',
    help: "Cumulative layout shift, by the shifted element's team",
    buckets: [0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1],
  },
  LOAF: {
    name: 'tractor_rum_long_animation_frame_seconds',
    help: 'Long animation frames (over 100 ms), by the team whose script took most of it',
    buckets: [0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5],
  },
} as const satisfies Partial<Record<RumMetric, { name: string; help: string; buckets: number[] }>>;

/** The label sets kept, by default: 5 owners × a few builds × 9 routes × 4 navigations × 2 is far below it. */
export const MAX_SERIES = 2000;

type Labels = Record<(typeof LABELS)[number], string>;
type HistogramMetric = keyof typeof HISTOGRAMS;

/** The gateway's field signals: samples in, Prometheus metrics out. */
export class FieldSignals {
  readonly #histograms: Record<HistogramMetric, Histogram<(typeof LABELS)[number]>>;
  readonly #views: Counter<(typeof LABELS)[number]>;
  readonly #errors: Counter<(typeof LABELS)[number]>;
  readonly #dropped: Counter<'reason'>;
  readonly #beacons: Counter;
  readonly #series = new Set<string>();
  readonly #maxSeries: number;

  constructor(registry: Registry, options: { maxSeries?: number; sampleRate?: number } = {}) {
    this.#maxSeries = options.maxSeries ?? MAX_SERIES;
    const registers = [registry];
    this.#histograms = Object.fromEntries(
      Object.entries(HISTOGRAMS).map(([metric, h]) => [
        metric,
        new Histogram({ ...h, buckets: [...h.buckets], labelNames: LABELS, registers }),
      ]),
    ) as Record<HistogramMetric, Histogram<(typeof LABELS)[number]>>;
    this.#views = new Counter({
      name: 'tractor_rum_page_views_total',
      help: 'Page views in which the team drew something',
      labelNames: LABELS,
      registers,
    });
    this.#errors = new Counter({
      name: 'tractor_rum_errors_total',
      help: "Uncaught errors and unhandled rejections, by the team whose script threw (shared libraries: the platform's)",
      labelNames: LABELS,
      registers,
    });
    this.#dropped = new Counter({
      name: 'tractor_rum_dropped_samples_total',
      help: 'Samples not kept: series-limit (the label sets kept are at their cap)',
      labelNames: ['reason'],
      registers,
    });
    this.#beacons = new Counter({
      name: 'tractor_rum_beacons_total',
      help: 'Beacons accepted (a page sends one per page view at most)',
      registers,
    });
    new Gauge({
      name: 'tractor_rum_sample_rate',
      help: 'The share of page views that send field signals (divide counts by it for all page views)',
      registers,
    }).set(options.sampleRate ?? 1);
  }

  /** Aggregates a beacon's samples (past the cap of label sets: counted as dropped). */
  record(beacon: RumBeacon): void {
    this.#beacons.inc();
    for (const sample of beacon.samples) {
      const labels: Labels = {
        team: sample.team,
        build: sample.build,
        route: sample.route,
        navigation: sample.navigation,
        ssr: String(sample.ssr),
      };
      const series = `${sample.metric} ${Object.values(labels).join(' ')}`;
      if (!this.#series.has(series)) {
        if (this.#series.size >= this.#maxSeries) {
          this.#dropped.inc({ reason: 'series-limit' });
          continue;
        }
        this.#series.add(series);
      }
      this.#observe(sample, labels);
    }
  }

  #observe(sample: RumSample, labels: Labels): void {
    if (sample.metric === 'view') return this.#views.inc(labels);
    if (sample.metric === 'error') return this.#errors.inc(labels);
    // Durations arrive in ms; Prometheus's convention is seconds. CLS is a score.
    const value = sample.metric === 'CLS' ? sample.value : sample.value / 1000;
    this.#histograms[sample.metric].observe(labels, value);
  }

  /** How many label sets are kept (for tests and the load benchmark). */
  get series(): number {
    return this.#series.size;
  }
}

export interface RumOptions {
  readonly signals: FieldSignals;
  /** Beacons one client (address) may send per window. */
  readonly limit: WriteLimit;
}

/**
 * POST /rum, in a scope of its own: a beacon is JSON, sent by navigator.sendBeacon as text/plain. Over
 * RUM_MAX_BYTES is a 413, anything the contract refuses a 400 naming the field, too many from one client a 429
 * — each a JSON error, never a 5xx. Not logged per request: a beacon's sender is nobody's business.
 */
export async function rum(app: FastifyInstance, options: RumOptions): Promise<void> {
  answerErrorsAsJson(app);
  await limitBeacons(app, options.limit);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['text/plain', 'application/json'],
    { parseAs: 'string', bodyLimit: RUM_MAX_BYTES },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('The beacon is not JSON.'), { statusCode: 400 }), undefined);
      }
    },
  );
  const route = rumRoutes.beacon;
  app.post(route.path, { bodyLimit: RUM_MAX_BYTES, logLevel: 'warn' }, async (request, reply) => {
    const { body } = parseRequest(route, { body: request.body });
    options.signals.record(body);
    return reply.code(204).send();
  });
}
