// OpenAPI 3.1 for a team's service, generated from its contract (the same zod schemas that validate requests,
// type the client and the mocks): GET /<team>/api/openapi.json always, and in the dev modes a docs page,
// GET /<team>/api/docs. The chassis also records the routes the service really registered, so a test can
// hold the document and the service to each other.
import { CONTRACT_VERSIONS } from '@tractor/shared/contracts/versions';
import { escapeHtml } from '@tractor/shared/html';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { ApiError, cacheControl, type RouteDefinition, type Schema } from '@tractor/shared/contracts/http';

type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema (2020-12, which OpenAPI 3.1 uses): what is sent (input) or what comes back. */
function jsonSchema(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema; // the document says its dialect once
  return json;
}

/** "/explore/api/stores/:id" → "/explore/api/stores/{id}". */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: RouteDefinition) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return list;
}

export function openApiDocument(team: string, routes: Readonly<Record<string, RouteDefinition>>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: `${team}: ${name}`,
      description: `Cache-Control: ${cacheControl(route.cache)}.${route.idempotent ? ' Idempotent: safe to send again.' : ''}`,
      parameters: parameters(route),
      responses: {
        [status]: {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
        },
        default: {
          description: 'An error: 4xx for bad input (naming the field), 5xx when the service cannot answer',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `The Tractor Store — ${team}`,
      version: CONTRACT_VERSIONS[team] ?? '1',
      description: `Team ${team}'s service, generated from its contract (shared/contracts/${team}).`,
    },
    paths,
    components: { schemas: { ApiError: jsonSchema(ApiError, 'output') } },
  };
}

/** A plain page of the document: one section per operation, its parameters and schemas. No script, no style. */
export function docsPage(document: ReturnType<typeof openApiDocument>): string {
  const sections = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const op = operation as {
        operationId: string;
        description: string;
        parameters: { name: string; in: string; required: boolean; schema: unknown }[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      };
      const rows = op.parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('');
      const block = (title: string, value: unknown) =>
        `<details><summary>${title}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code> — ${escapeHtml(op.operationId)}</h2>
<p>${escapeHtml(op.description)}</p>
${rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${op.requestBody ? block('Request body', op.requestBody) : ''}
${block('Responses', op.responses)}</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title></head>
<body><main><h1>${escapeHtml(document.info.title)}</h1>
<p>${escapeHtml(document.info.description)} As JSON: <a href="openapi.json">openapi.json</a>.</p>
${sections.join('\n')}</main></body></html>`;
}

/** The routes `app` registered under /<team>/api/, as "METHOD /path/{param}" (recorded by the chassis). */
const registered = new WeakMap<FastifyInstance, Set<string>>();

export function recordApiRoutes(app: FastifyInstance, team: string): void {
  const routes = new Set<string>();
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`/${team}/api/`)) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.add(`${method} ${openApiPath(route.url)}`);
    }
  });
}

export const apiRoutesOf = (app: FastifyInstance): readonly string[] =>
  [...(registered.get(app) ?? [])].sort();

/** Serves the document, and the docs page when asked (dev modes). */
export function serveOpenApi(
  app: FastifyInstance,
  team: string,
  routes: Readonly<Record<string, RouteDefinition>>,
  { docs = false } = {},
): void {
  const document = openApiDocument(team, routes);
  const json = JSON.stringify(document);
  app.get(`/${team}/api/openapi.json`, async (_request, reply) =>
    reply.type('application/json').header('cache-control', 'no-cache').send(json),
  );
  if (!docs) return;
  const page = docsPage(document);
  app.get(`/${team}/api/docs`, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'no-cache')
      .send(page),
  );
}
