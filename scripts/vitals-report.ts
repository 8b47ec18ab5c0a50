// The field signals as a table, per team, build and route, from the gateways' /metrics (platform/gateway/rum.ts):
// page views, p75 and sample count of each Web Vital, long frames and errors per 1 000 views. The p75 is read off
// the histogram's buckets as Prometheus's histogram_quantile reads it (linear within the bucket), so it agrees
// with Grafana's figure. Used by `npm run vitals` (scripts/vitals.ts) and by the e2e tests.

/** One sample line of the Prometheus text format: its name, labels and value. */
export interface Series {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export function parsePrometheus(text: string): Series[] {
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    const value = Number(match?.[3]);
    if (!match || Number.isNaN(value)) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    series.push({ name: match[1]!, labels, value });
  }
  return series;
}

/** A figure: its p75 and how many samples it is from. */
export interface Figure {
  readonly p75: number;
  readonly count: number;
}

export interface VitalsRow {
  readonly team: string;
  readonly build: string;
  readonly route: string;
  readonly views: number;
  /** LCP of document loads, and of client-side navigations (from the route change), in ms. */
  readonly lcp?: Figure;
  readonly clientLcp?: Figure;
  readonly inp?: Figure;
  readonly cls?: Figure;
  readonly ttfb?: Figure;
  readonly longFrames: number;
  readonly errors: number;
}

const HISTOGRAMS = {
  lcp: 'tractor_rum_lcp_seconds',
  inp: 'tractor_rum_inp_seconds',
  cls: 'tractor_rum_cls',
  ttfb: 'tractor_rum_ttfb_seconds',
} as const;

/** The p75 of the buckets (le → cumulative count) summed over a group's series, as histogram_quantile does. */
function p75(buckets: Map<number, number>): Figure | undefined {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const count = buckets.get(Infinity) ?? 0;
  if (!count) return undefined;
  const rank = 0.75 * count;
  let lower = 0;
  let below = 0;
  for (const le of bounds) {
    const cumulative = buckets.get(le)!;
    if (cumulative >= rank) {
      if (le === Infinity) return { p75: lower, count };
      const within = cumulative - below;
      return { p75: lower + ((le - lower) * (rank - below)) / (within || 1), count };
    }
    [lower, below] = [le, cumulative];
  }
  return { p75: lower, count };
}

/** The table's rows from the metrics of one or more gateways (their series are summed). */
export function vitalsRows(series: readonly Series[]): VitalsRow[] {
  interface Group {
    views: number;
    errors: number;
    longFrames: number;
    buckets: Record<string, Map<number, number>>;
  }
  const groups = new Map<string, Group>();
  const groupOf = ({ team, build, route }: Readonly<Record<string, string>>) => {
    const key = `${team} ${build} ${route}`;
    if (!groups.has(key)) groups.set(key, { views: 0, errors: 0, longFrames: 0, buckets: {} });
    return groups.get(key)!;
  };
  for (const { name, labels, value } of series) {
    if (!labels.team || !name.startsWith('tractor_rum_')) continue;
    const group = groupOf(labels);
    if (name === 'tractor_rum_page_views_total') group.views += value;
    else if (name === 'tractor_rum_errors_total') group.errors += value;
    else if (name === 'tractor_rum_long_animation_frame_seconds_count') group.longFrames += value;
    for (const [key, metric] of Object.entries(HISTOGRAMS)) {
      if (name !== `${metric}_bucket`) continue;
      // LCP splits into document loads and client-side navigations; the others are the page's either way.
      const figure = key === 'lcp' && labels.navigation === 'client' ? 'clientLcp' : key;
      const buckets = (group.buckets[figure] ??= new Map());
      const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
      buckets.set(le, (buckets.get(le) ?? 0) + value);
    }
  }
  const ms = (figure: Figure | undefined, scale: number) =>
    figure && { p75: figure.p75 * scale, count: figure.count };
  return [...groups]
    .map(([key, group]) => {
      const [team = '', build = '', route = ''] = key.split(' ');
      const figure = (name: string) => (group.buckets[name] ? p75(group.buckets[name]) : undefined);
      return {
        team,
        build,
        route,
        views: group.views,
        lcp: ms(figure('lcp'), 1000),
        clientLcp: ms(figure('clientLcp'), 1000),
        inp: ms(figure('inp'), 1000),
        cls: figure('cls'),
        ttfb: ms(figure('ttfb'), 1000),
        longFrames: group.longFrames,
        errors: group.errors,
      };
    })
    .sort((a, b) => `${a.team} ${a.build} ${a.route}`.localeCompare(`${b.team} ${b.build} ${b.route}`));
}

/** The rows as a fixed-width text table. */
export function formatVitals(rows: readonly VitalsRow[]): string {
  const duration = (figure: Figure | undefined) =>
    figure ? `${Math.round(figure.p75)} ms (${figure.count})` : '–';
  const header = [
    'team',
    'build',
    'route',
    'views',
    'LCP p75',
    'nav LCP p75',
    'INP p75',
    'CLS p75',
    'TTFB p75',
    'long frames',
    'errors/1k views',
  ];
  const lines = rows.map((row) => [
    row.team,
    row.build,
    row.route,
    String(row.views),
    duration(row.lcp),
    duration(row.clientLcp),
    duration(row.inp),
    row.cls ? `${row.cls.p75.toFixed(3)} (${row.cls.count})` : '–',
    duration(row.ttfb),
    String(row.longFrames),
    row.views
      ? String(Math.round((row.errors * 1000) / row.views))
      : row.errors
        ? `${row.errors} errors`
        : '0',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  return [header, ...lines]
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
