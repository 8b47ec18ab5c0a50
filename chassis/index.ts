// Node-only helpers for team services. Never imported by browser code.
export { openDatabase, migrate, type Database, type Queryable, type DatabaseOptions } from './db.js';
export { addRoute, BadRequest, NotFound, type RouteHandler } from './routes.js';
export { answerErrorsAsJson, apiError, createServiceApp, type ServiceOptions } from './app.js';
export { closeOnSignal, runService, type RunOptions } from './run.js';
export { NOSNIFF, SECURITY_HEADERS } from './security.js';
export { forget } from './answers.js';
export { apiRoutesOf, openApiDocument, openApiPath } from './openapi.js';
export { BoundedCache, type BoundedCacheOptions } from './bounded-cache.js';
