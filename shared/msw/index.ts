// msw for the browser, built once by the root config and mapped as "msw" and "msw/browser": the one worker
// (started by the root config in mock mode, or by a standalone page) and every team's handlers share it.
// Development only: no production page imports it.
export { http, HttpResponse, delay } from 'msw';
export { setupWorker } from 'msw/browser';
