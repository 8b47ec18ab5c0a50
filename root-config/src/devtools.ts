// The developer overlay (development only: loaded when localStorage.devtools is set, or when `npm run dev`
// serves the store): every registered application, its single-spa status, and the URL its module resolved to
// — so an import-map override pointing a team at its dev server is visible at a glance; and this page's field
// signals, each with the team it is attributed to (field-signals.ts).
import { getAppNames, getAppStatus } from 'single-spa';
import type { RumSample } from '@tractor/shared/contracts/rum';
import { FIELD_SAMPLE_EVENT, type FieldSampleEvent } from './field-sample.js';

const STYLE = `
  .dev-overlay { position: fixed; left: 1rem; bottom: 1rem; z-index: 101; max-width: min(46rem, calc(100vw - 2rem));
    padding: 0.5rem 0.75rem; border-radius: 0.5rem; background: rgb(27 27 27 / 92%); color: #fff;
    font: 0.75rem/1.5 ui-monospace, monospace; }
  .dev-overlay table { border-collapse: collapse; }
  .dev-overlay th, .dev-overlay td { padding: 0 0.75rem 0 0; text-align: left; vertical-align: top; }
  .dev-overlay .MOUNTED { color: #54ff90; }
  .dev-overlay .LOAD_ERROR, .dev-overlay .SKIP_BECAUSE_BROKEN { color: #ff5a54; }
  .dev-overlay caption { text-align: left; font-weight: bold; padding-top: 0.5rem; }`;

/** The module URLs the page's import maps (the live map, any overrides) resolve to; later maps win. */
function importMap(): Record<string, string> {
  const imports: Record<string, string> = {};
  for (const map of document.querySelectorAll('script[type="importmap"]')) {
    try {
      Object.assign(
        imports,
        (JSON.parse(map.textContent ?? '{}') as { imports?: Record<string, string> }).imports,
      );
    } catch {
      // not ours to judge
    }
  }
  return imports;
}

export function showDevOverlay() {
  const panel = document.createElement('aside');
  panel.className = 'dev-overlay';
  panel.setAttribute('aria-label', 'Registered applications');
  // A constructed sheet: the page's CSP allows no <style> element it did not write itself.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const samples: RumSample[] = [];
  const render = () => {
    const imports = importMap();
    const applications = table(['application', 'status', 'loaded from']);
    for (const name of getAppNames()) {
      const module = name.split('/').slice(0, 2).join('/');
      const status = getAppStatus(name) ?? 'UNKNOWN';
      const row = applications.tBodies[0]!.insertRow();
      row.insertCell().textContent = name;
      Object.assign(row.insertCell(), { textContent: status, className: status });
      row.insertCell().textContent = new URL(imports[module] ?? module, location.href).href;
    }
    // The field signals this page has collected so far (the last 12), as the gateway will count them.
    const signals = table(['field signal', 'value', 'team', 'build', 'route', 'navigation']);
    signals.createCaption().textContent = samples.length
      ? `Field signals (${samples.length})`
      : 'Field signals: none yet (they start once the page has loaded)';
    for (const sample of samples.slice(-12)) {
      const row = signals.tBodies[0]!.insertRow();
      for (const value of [
        sample.metric,
        sample.value,
        sample.team,
        sample.build,
        sample.route,
        sample.navigation,
      ])
        row.insertCell().textContent = String(value);
    }
    panel.replaceChildren(applications, signals);
  };
  window.addEventListener('single-spa:app-change', render);
  window.addEventListener('single-spa:routing-event', render);
  window.addEventListener(FIELD_SAMPLE_EVENT, (event) => {
    // A metric that changes (LCP, CLS, INP) is announced again as the same sample: shown once, as it is now.
    const sample = (event as FieldSampleEvent).detail;
    if (!samples.includes(sample)) samples.push(sample);
    render();
  });
  render();
  document.body.append(panel);
}

function table(titles: readonly string[]): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of titles)
    head.append(Object.assign(document.createElement('th'), { textContent: title }));
  table.createTBody();
  return table;
}
