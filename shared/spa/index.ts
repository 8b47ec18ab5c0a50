export { pageApplication } from './page-application.js';
export { LocationController, ROUTING_EVENT, withServerUrl } from './location-controller.js';
export { readSeed, SEED_SELECTOR, type Seeded } from './seed.js';
export { SeededTask, type SeededTaskOptions } from './seeded-task.js';
export { defineElement } from './define-element.js';
export { interceptLinks } from './links.js';
