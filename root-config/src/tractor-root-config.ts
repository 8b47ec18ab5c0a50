// The root config: registers the teams' pages from the layout in index.html and starts single-spa.
// It holds no business logic; it only lays out and wires.
import { navigateToUrl, registerApplication, start } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { interceptLinks } from '@tractor/shared/spa';
import { setupBoundaryToggle } from './boundaries.js';
import { importModule, loadFragments, loadPage } from './modules.js';
import { errorScreen, loadingScreen } from './screens.js';
import type * as MockMode from './mock-mode.js';

type MockMode = typeof MockMode;
import type * as Devtools from './devtools.js';

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
  // Fragment-owning modules start loading at once; their elements upgrade whenever they arrive.
  loadFragments();
  // This module is imported from <head> as soon as the import map is ready, so it may run before the parser
  // has reached the layout <template> in <body>: lay out only once the document is parsed.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startStore, { once: true });
  } else {
    startStore();
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
  const applications = constructApplications({ routes, loadApp: ({ name }) => loadPage(name) });
  const layoutEngine = constructLayoutEngine({ routes, applications, active: false });

  applications.forEach(registerApplication);
  layoutEngine.activate();
  start({ urlRerouteOnly: true });

  interceptLinks(navigateToUrl);
  setupBoundaryToggle();
  if (wantsDevtools()) {
    void importModule('@tractor/root-config/devtools').then((devtools) =>
      (devtools as typeof Devtools).showDevOverlay(),
    );
  }
}
