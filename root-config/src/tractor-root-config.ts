// The root config: registers the teams' pages from the layout in index.html and starts single-spa.
// It holds no business logic; it only lays out and wires.
import { navigateToUrl, registerApplication, start, triggerAppChange } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { interceptLinks } from '@tractor/shared/spa';
import { setupBoundaryToggle } from './boundaries.js';
import { setupFocusOnNavigation } from './focus.js';
import { warmFonts } from './fonts.js';
import { importModule, loadFragments, loadPage } from './modules.js';
import { errorScreen, loadingScreen, setupRetry } from './screens.js';
import { adoptServerLayout } from './server-layout.js';
import type * as MockMode from './mock-mode.js';

type MockMode = typeof MockMode;
import type * as Devtools from './devtools.js';
import type * as FieldSignals from './field-signals.js';
import type { PageFacts } from '@tractor/shared/contracts/rum';

/** Developers opt in with localStorage.devtools (or ?devtools once); `npm run dev` serves the page with it on. */
function wantsDevtools(): boolean {
  try {
    if (localStorage.getItem('devtools')) return true;
  } catch {
    // no storage: no devtools
  }
  return document.querySelector('meta[name="tractor-devtools"]') !== null;
}

function boot() {
  // This module is imported from <head> as soon as the import map is ready, while the body may still be
  // arriving. Nothing runs before the document is parsed: the layout needs its <template>, and a team element
  // defined mid-parse would be upgraded (and attach its shadow root) before the parser reaches the declarative
  // shadow root the server sent for it. The modules themselves were requested early by the preloads.
  const start = () => {
    // Fragment-owning modules load at once; their elements upgrade (and hydrate) whenever they arrive.
    loadFragments();
    startStore();
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}

// Mock mode (npm run start:mock): every request must find the mock worker ready, so nothing starts before it
// is. Its code is a module of its own in the import map: a shopper's page never downloads it.
if (document.querySelector('meta[name="tractor-mode"][content="mock"]')) {
  void importModule('@tractor/root-config/mocks')
    .then((mocks) => (mocks as MockMode).startMocks())
    .then(boot);
} else {
  boot();
}

function startStore() {
  const template = document.querySelector<HTMLTemplateElement>('#single-spa-layout');
  if (!template) throw new Error('index.html has no #single-spa-layout template.');

  const routes = constructRoutes(template, {
    loaders: { page: loadingScreen },
    errors: { page: errorScreen },
    props: {},
  });
  // A page laid out by the server: the engine takes over its DOM rather than building another.
  adoptServerLayout(routes);
  const applications = constructApplications({ routes, loadApp: ({ name }) => loadPage(name) });
  const layoutEngine = constructLayoutEngine({ routes, applications, active: false });

  applications.forEach(registerApplication);
  layoutEngine.activate();
  setupFocusOnNavigation();
  start({ urlRerouteOnly: true });

  interceptLinks(navigateToUrl);
  setupBoundaryToggle();
  setupRetry(() => void triggerAppChange());
  // A fragment module that failed to load is tried again when the shopper moves on.
  window.addEventListener('single-spa:before-routing-event', loadFragments);
  if (wantsDevtools()) {
    void importModule('@tractor/root-config/devtools').then((devtools) =>
      (devtools as typeof Devtools).showDevOverlay(),
    );
  }
  warmFonts();
  loadFieldSignals();
}

/**
 * Field signals, off the critical path: once the page has loaded and the browser is idle, in the page views the
 * gateway's sample rate picks (a developer's page always collects them, for the overlay, and sends them when
 * picked). A page view not picked loads nothing.
 */
function loadFieldSignals() {
  let facts: PageFacts;
  try {
    facts = JSON.parse(document.getElementById('tractor-page')?.textContent ?? '') as PageFacts;
  } catch {
    return; // a page the gateway did not make (a standalone page): nothing to attribute to
  }
  const send = Math.random() < facts.rum;
  if (!send && !wantsDevtools()) {
    window.tractorErrors = { push: () => 0, length: 0 };
    return;
  }
  const start = () =>
    void importModule('@tractor/root-config/signals').then((signals) =>
      (signals as typeof FieldSignals).startFieldSignals(facts, { send }),
    );
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
