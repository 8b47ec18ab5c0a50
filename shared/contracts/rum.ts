// The platform's contract for field signals (real-user monitoring): what a page sends about itself, and what the
// gateway accepts. A page sends one beacon per page view at most, with its samples; each sample is attributed to
// the team that owns what it measures (root-config/src/field-signals.ts) and aggregated by the gateway into
// Prometheus metrics per team, build, route and metric (platform/gateway/rum.ts).
//
//   POST /rum   a beacon: { samples: [...] } as JSON (navigator.sendBeacon sends it as text/plain) → 204
import * as z from 'zod/mini';
import { defineRoutes } from './http.js';
import { teams } from '../teams.js';

/** A beacon larger than this is a 413: about 100 samples, far more than one page view makes. */
export const RUM_MAX_BYTES = 16 * 1024;
export const RUM_MAX_SAMPLES = 100;

/** Whose a sample is: a team, or the platform (the shell, the shared libraries, the layout's own markup). */
export const PLATFORM = 'platform';
export const RUM_OWNERS = [...teams.map((t) => t.name), PLATFORM] as const;

/** The route of a URL no page matches: the layout's "Page not found". Raw URLs are never sent. */
export const NOT_FOUND_ROUTE = '*';
/** The layout's route patterns (single-spa-layout syntax, e.g. /product/:id): the only routes a sample names. */
export const RUM_ROUTES: readonly string[] = [
  ...teams.flatMap((t) => t.pages.map((p) => p.path)),
  NOT_FOUND_ROUTE,
];

/**
 * The metrics, with the largest value a real page can report: durations in ms, CLS as its score, counts as 1.
 * LCP, FCP and CLS of a client-side navigation measure from the route change (the browser's soft navigation).
 */
export const RUM_METRICS = {
  LCP: { max: 120_000 },
  FCP: { max: 120_000 },
  TTFB: { max: 120_000 },
  INP: { max: 60_000 },
  CLS: { max: 100 },
  /** A long animation frame (over 100 ms), attributed to the script that took most of it. */
  LOAF: { max: 60_000 },
  /** An uncaught error or unhandled rejection: value 1. */
  error: { max: 1 },
  /** A page view in which the team drew something: value 1. */
  view: { max: 1 },
} as const;
export type RumMetric = keyof typeof RUM_METRICS;

/** How the page view began: a document load or reload, a route change in the page, or history back/forward. */
export const RUM_NAVIGATIONS = ['load', 'reload', 'client', 'back-forward'] as const;
export type RumNavigation = (typeof RUM_NAVIGATIONS)[number];

/** A team's build id (12 hex digits), "dev" for a module a developer points elsewhere (import-map override). */
export const RUM_BUILD = /^(?:[0-9a-f]{12}|dev)$/;

export const RumSample = z
  .strictObject({
    team: z.enum(RUM_OWNERS),
    build: z.string().check(z.regex(RUM_BUILD, 'must be a build id (12 hex digits) or "dev"')),
    route: z.enum(RUM_ROUTES as [string, ...string[]]),
    metric: z.enum(Object.keys(RUM_METRICS) as [RumMetric, ...RumMetric[]]),
    value: z.number().check(z.gte(0)),
    navigation: z.enum(RUM_NAVIGATIONS),
    /** Whether the team's part of this view was rendered on the server (its first view only). */
    ssr: z.boolean(),
  })
  .check(
    z.refine((sample) => sample.value <= RUM_METRICS[sample.metric].max, {
      message: 'is out of range for its metric',
      path: ['value'],
    }),
  );
export type RumSample = z.infer<typeof RumSample>;

export const RumBeacon = z.strictObject({
  samples: z.array(RumSample).check(z.minLength(1), z.maxLength(RUM_MAX_SAMPLES)),
});
export type RumBeacon = z.infer<typeof RumBeacon>;

export const rumRoutes = defineRoutes({
  beacon: { method: 'POST', path: '/rum', body: RumBeacon, response: z.undefined(), status: 204 },
});

/**
 * What a page tells its field signals of the server, in its #tractor-page JSON (platform/gateway/shell.ts
 * writes it; root-config reads it once the page has loaded).
 */
export interface PageFacts {
  /** Teams with a part placed by the server (the rest drew their first view in the browser). */
  readonly ssr: readonly string[];
  /** The share of page views that send field signals (0–1). */
  readonly rum: number;
  /** The platform's build (the shell and the shared libraries): 12 hex digits. */
  readonly build: string;
}
