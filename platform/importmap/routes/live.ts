// The live import map, GET /importmap.json: the platform's entries and every team's live entries, as pages
// load it — with an ETag of its bytes (an unchanged map is a 304), in exactly the content type they take.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { importMapRoutes as routes } from '@tractor/shared/contracts/importmap';
import { liveImportMap } from '../deployments.js';
import type { ImportMapContext } from '../service.js';

export function liveRoutes(app: FastifyInstance, { live, platform }: ImportMapContext): void {
  app.get(routes.importMap.path, async (request, reply) => {
    const body = JSON.stringify(liveImportMap(platform, await live.read(request.log)));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'no-cache')
      .header('access-control-allow-origin', '*')
      // Exactly this, no charset: import-map-injector refuses anything else.
      .header('content-type', 'application/importmap+json');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(Buffer.from(body)); // a string would get "; charset=utf-8" appended
  });
}
