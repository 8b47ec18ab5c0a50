// Publishing into the asset store, PUT /importmap/assets/:team/:build/:file: one file of a build, its bytes
// streamed into the store (../assets.ts) as they arrive. Each refusal of the store is answered with its
// status: other bytes under the same name 409, no bytes 400, too large 413, the team's share full 507.
import type { FastifyInstance } from 'fastify';
import { assetUrl, importMapRoutes as routes } from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import { addRoute } from '@tractor/chassis';
import { AssetConflict, AssetTooLarge, EmptyAsset, QuotaExceeded } from '../assets.js';
import type { ImportMapContext } from '../service.js';

export async function publishRoutes(app: FastifyInstance, { assets }: ImportMapContext): Promise<void> {
  // Publishing streams the file's bytes into the asset store whatever the content type: its own scope, whose
  // one parser hands the request stream on untouched. The store bounds it (per file, and the team's share).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    addRoute(scope, routes.publish, async ({ params }, { request, reply }) => {
      const announced = Number(request.headers['content-length'] ?? NaN);
      if (announced === 0)
        throw new HttpError(400, { message: 'Send the file’s bytes as the request body.', field: 'body' });
      try {
        // A size announced up front is refused before a byte is read.
        if (Number.isFinite(announced)) assets.assertSize(announced);
        const stored = await assets.put(params.team, params.build, params.file, request.raw);
        reply.code(stored.result === 'created' ? 201 : 200);
        return {
          url: assetUrl(params.team, params.build, params.file),
          integrity: stored.integrity,
          created: stored.result === 'created',
        };
      } catch (error) {
        if (error instanceof AssetConflict)
          throw new HttpError(409, { message: error.message, field: 'file' });
        if (error instanceof EmptyAsset) throw new HttpError(400, { message: error.message, field: 'body' });
        if (error instanceof AssetTooLarge)
          throw new HttpError(413, { message: error.message, field: 'body' });
        if (error instanceof QuotaExceeded)
          throw new HttpError(507, { message: error.message, field: 'body' });
        throw error;
      }
    });
  });
}
