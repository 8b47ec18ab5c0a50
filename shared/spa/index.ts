export { pageApplication } from './page-application.js';
export { LocationController, ROUTING_EVENT } from './location-controller.js';
export { defineElement } from './define-element.js';
export { interceptLinks } from './links.js';
