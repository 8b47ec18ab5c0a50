// LCP and CLS as the page sees them, for the e2e tests and the benchmark. Add `recordVitals` with
// page.addInitScript before the page loads; read the figures with `readVitals(page)`.
import type { Page } from '@playwright/test';

interface Vitals {
  lcp: number;
  cls: number;
}

export function recordVitals() {
  const vitals: Vitals = { lcp: 0, cls: 0 };
  (window as unknown as { __vitals: Vitals }).__vitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      if (!entry.hadRecentInput) vitals.cls += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

export const readVitals = (page: Page): Promise<Vitals> =>
  page.evaluate(() => (window as unknown as { __vitals: Vitals }).__vitals);
