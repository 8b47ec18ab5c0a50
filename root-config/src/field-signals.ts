// Field signals: Web Vitals, long animation frames and errors from real page views, each attributed to the team
// that owns it (attribution.ts) with the team's build, the layout's route pattern, how the view began and
// whether the team's part was rendered on the server. Loaded after the page works, in the page views the
// gateway's sample rate picks (tractor-root-config.ts); web-vitals reads the browser's buffered entries, so
// nothing from before is missed. Sent as one beacon per page view at most, when the page is hidden: POST /rum
// (shared/contracts/rum.ts). No URL, cookie or user agent is sent: the gateway could not store what it never gets.
import {
  onCLS,
  onFCP,
  onINP,
  onLCP,
  onTTFB,
  type CLSMetricWithAttribution,
  type INPMetricWithAttribution,
  type LCPMetricWithAttribution,
  type MetricWithAttribution,
} from 'web-vitals/attribution';
import type { PageFacts, RumMetric, RumNavigation, RumSample } from '@tractor/shared/contracts/rum';
import {
  deepElementAt,
  deepElements,
  layoutRoutes,
  ownerOf,
  readOwners,
  routeOf,
  scriptOwner,
  teamsOnPage,
  type Route,
} from './attribution.js';
import { FIELD_SAMPLE_EVENT } from './field-sample.js';

/**
 * Where the page's early error catcher (index.html) puts errors: an array until this module takes over, then a
 * catcher that hands each to it (or, in a page view not sampled, drops it).
 */
export interface ErrorCatcher {
  push(event: ErrorEvent | PromiseRejectionEvent): unknown;
  readonly length: number;
}
declare global {
  interface Window {
    tractorErrors?: ErrorCatcher;
  }
}

const MAX_SAMPLES = 100;
/** Long animation frames longer than this are reported (ms). */
const LONG_FRAME_MS = 100;

interface View {
  readonly route: Route;
  readonly navigation: RumNavigation;
}

export function startFieldSignals(facts: PageFacts, options: { send: boolean }): void {
  const owners = readOwners(document);
  const routes = layoutRoutes(document.querySelector('template#single-spa-layout'));
  const serverRendered = new Set(facts.ssr);
  const firstUrl = location.pathname;
  const loadKind = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type;
  let view: View = {
    route: routeOf(firstUrl, routes),
    navigation: loadKind === 'reload' ? 'reload' : loadKind === 'back_forward' ? 'back-forward' : 'load',
  };
  const firstView = view;
  let views = 1;
  let beacons = 0;
  const pending: RumSample[] = [];
  const sent = new Set<string>();

  const sampleOf = (team: string, metric: RumMetric, value: number, at: View = view): RumSample => ({
    team,
    build: owners.builds[team] ?? facts.build,
    route: at.route.pattern,
    metric,
    value: metric === 'CLS' ? Math.round(value * 10_000) / 10_000 : Math.round(value),
    navigation: at.navigation,
    ssr: at === firstView && serverRendered.has(team),
  });
  const announce = (sample: RumSample) =>
    dispatchEvent(new CustomEvent(FIELD_SAMPLE_EVENT, { detail: sample }));
  const add = (sample: RumSample) => {
    if (pending.length < MAX_SAMPLES) pending.push(sample);
    announce(sample);
  };
  // A page view counts for each team that drew something in it, once it ends (or the page is hidden): a team's
  // part may draw only once its data has come.
  let counted = false;
  const countView = () => {
    if (counted) return;
    counted = true;
    for (const team of teamsOnPage(document, owners)) add(sampleOf(team, 'view', 1));
  };

  // One beacon per page view at most, once the page is hidden: after web-vitals has reported (it listens in
  // the capture phase; this listens as the event bubbles to the window).
  addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    countView();
    if (!pending.length || beacons >= views) return;
    const samples = pending.splice(0);
    if (options.send) navigator.sendBeacon('/rum', JSON.stringify({ samples }));
    beacons += 1;
    for (const id of reported.keys()) sent.add(id);
    reported.clear();
  });

  // Web Vitals. A client-side navigation is the browser's soft navigation: its LCP runs from the route change.
  const viewOf = (metric: MetricWithAttribution): View =>
    metric.navigationType === 'soft-navigation'
      ? {
          route: routeOf(new URL(metric.navigationURL ?? firstUrl, location.href).pathname, routes),
          navigation: 'client',
        }
      : firstView;
  // Every change of a metric is taken (reportAllChanges), and the beacon sends each metric's last value: when the
  // page is hidden, web-vitals may still hold the last interaction in an idle callback, and its own report at
  // hidden would come before it. A metric already sent is not sent again.
  const reported = new Map<string, RumSample>();
  const report = (metric: MetricWithAttribution, team: string) => {
    if (sent.has(metric.id)) return;
    const sample = sampleOf(team, metric.name, metric.value, viewOf(metric));
    const known = reported.get(metric.id);
    if (known) announce(Object.assign(known, sample));
    else {
      reported.set(metric.id, sample);
      add(sample);
    }
  };
  const changes = { reportSoftNavs: true, reportAllChanges: true };
  onTTFB((metric) => report(metric, firstView.route.owner)); // document loads only: no soft navigations asked
  onFCP((metric) => report(metric, viewOf(metric).route.owner), changes);
  onLCP((metric) => report(metric, lcpOwner(metric) ?? viewOf(metric).route.owner), changes);
  onCLS((metric) => report(metric, clsOwner(metric) ?? viewOf(metric).route.owner), changes);
  // A soft navigation without an interaction gets web-vitals' placeholder INP (8 ms, no entries): not a measure.
  onINP((metric) => metric.entries.length > 0 && report(metric, inpOwner(metric)), changes);

  // The owner of each largest paint and layout shift, found as soon as the browser reports it, while the page
  // still shows what was painted: web-vitals reports LCP and CLS later (at a click, a route change, or when the
  // page is hidden), when another page may be showing the same picture.
  const owned = new Map<string, string | undefined>();
  const keyOf = (entry: PerformanceEntry) => `${entry.entryType} ${entry.startTime}`;
  const observe = (type: string, ownerOfEntry: (entry: PerformanceEntry) => string | undefined) => {
    try {
      new PerformanceObserver((list) => {
        // Of a batch of largest paints only the last can still be the largest: one search of the page each.
        const entries = list.getEntries();
        for (const entry of type === 'layout-shift' ? entries : entries.slice(-1))
          owned.set(keyOf(entry), ownerOfEntry(entry));
        while (owned.size > 100) owned.delete(owned.keys().next().value!);
      }).observe({ type, buffered: true });
    } catch {
      // a browser without this entry type: its metric is the page's
    }
  };
  const known = (
    entry: PerformanceEntry | undefined,
    ownerOfEntry: (entry: PerformanceEntry) => string | undefined,
  ) => entry && (owned.has(keyOf(entry)) ? owned.get(keyOf(entry)) : ownerOfEntry(entry));
  const lcpOwner = (metric: LCPMetricWithAttribution) => known(metric.attribution.lcpEntry, paintOwner);
  const clsOwner = (metric: CLSMetricWithAttribution) =>
    known(metric.attribution.largestShiftEntry, shiftOwner);
  for (const type of ['largest-contentful-paint', 'interaction-contentful-paint']) observe(type, paintOwner);
  observe('layout-shift', shiftOwner);

  /** A largest paint's element: the browser names it unless it is in a shadow root; then by picture URL or size. */
  function paintOwner(entry: PerformanceEntry): string | undefined {
    const paint = entry as LargestContentfulPaint;
    if (paint.element) return ownerOf(paint.element, owners);
    const url = paint.url && new URL(paint.url, location.href).href;
    let best: Element | undefined;
    let distance = Infinity;
    for (const element of deepElements(document)) {
      const image = element as HTMLImageElement;
      if (url ? image.currentSrc !== url : !hasOwnText(element)) continue;
      const box = (url ? element : textRange(element)).getBoundingClientRect();
      const gap = Math.abs(visibleArea(box) - paint.size);
      if (gap < distance) [best, distance] = [element, gap];
    }
    return best && ownerOf(best, owners);
  }

  /** A shift's largest node, found where it now is (the browser hides nodes in shadow roots from us). */
  function shiftOwner(entry: PerformanceEntry): string | undefined {
    const area = ({ width, height }: DOMRectReadOnly) => width * height;
    const source = [...(entry as LayoutShift).sources].sort(
      (a, b) => area(b.currentRect) - area(a.currentRect),
    )[0];
    if (!source) return undefined;
    if (source.node) return ownerOf(source.node, owners);
    const { x, y, width, height } = source.currentRect;
    return ownerOf(deepElementAt(document, x + width / 2, y + height / 2), owners);
  }

  // The element each input event really hit (composedPath()[0]): the browser retargets an interaction inside a
  // shadow root to the outermost host, which would credit a fragment's slow handler to the page around it.
  const targets = new Map<number, EventTarget>();
  for (const type of ['pointerdown', 'pointerup', 'click', 'keydown', 'keyup']) {
    addEventListener(
      type,
      (event) => {
        targets.set(event.timeStamp, event.composedPath()[0] ?? window);
        if (targets.size > 64) targets.delete(targets.keys().next().value!);
      },
      { capture: true, passive: true },
    );
  }
  function inpOwner(metric: INPMetricWithAttribution): string {
    for (const entry of metric.entries) {
      for (const [time, target] of targets) {
        if (Math.abs(time - entry.startTime) < 1) return ownerOf(target as Node, owners);
      }
    }
    return ownerOf(metric.entries[0]?.target, owners);
  }

  // Long animation frames: the team whose script took most of the frame (none named: the platform's).
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as PerformanceLongAnimationFrameTiming[]) {
      if (frame.duration <= LONG_FRAME_MS) continue;
      const longest = [...frame.scripts].sort((a, b) => b.duration - a.duration)[0];
      const team = scriptOwner(longest?.sourceURL, owners, location.origin) ?? 'platform';
      add(sampleOf(team, 'LOAF', frame.duration));
    }
  }).observe({ type: 'long-animation-frame', buffered: true });

  // Errors: the early catcher's, then every later one. single-spa names the application whose lifecycle
  // failed; otherwise the script the error came from decides (an error from a shared library: the platform's).
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => {
    const error: unknown = event instanceof ErrorEvent ? event.error : event.reason;
    const application = (error as { appOrParcelName?: unknown } | null)?.appOrParcelName;
    const url =
      event instanceof ErrorEvent
        ? event.filename
        : /(https?:\/\/[^\s()]+?):\d+:\d+/.exec(String((error as Error | null)?.stack))?.[1];
    const team =
      typeof application === 'string'
        ? (/^@tractor\/([^/]+)\//.exec(application)?.[1] ?? 'platform')
        : scriptOwner(url, owners, location.origin);
    if (team) add(sampleOf(team, 'error', 1));
  };
  const early = window.tractorErrors;
  window.tractorErrors = { push: onError, length: 0 };
  for (const event of Array.isArray(early) ? (early as (ErrorEvent | PromiseRejectionEvent)[]) : [])
    onError(event);

  // Page views: this one, and one for each route change (history back/forward included).
  const pathChanged = (event: Event) => {
    const { oldUrl, newUrl } = (event as CustomEvent<{ oldUrl: string; newUrl: string }>).detail;
    return new URL(oldUrl).pathname !== new URL(newUrl).pathname;
  };
  let next: RumNavigation = 'client';
  // single-spa announces its own route changes as popstate events too, marked singleSpa: those are not history.
  addEventListener('popstate', (event) => {
    if (!(event as PopStateEvent & { singleSpa?: boolean }).singleSpa) next = 'back-forward';
  });
  addEventListener('single-spa:before-routing-event', (event) => {
    if (pathChanged(event)) countView();
  });
  addEventListener('single-spa:routing-event', (event) => {
    if (!pathChanged(event)) return;
    view = { route: routeOf(location.pathname, routes), navigation: next };
    [next, counted] = ['client', false];
    views += 1;
  });
}

const hasOwnText = (element: Element) =>
  [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());

function textRange(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

function visibleArea(box: DOMRect): number {
  const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
  const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
  return Math.max(0, width) * Math.max(0, height);
}
