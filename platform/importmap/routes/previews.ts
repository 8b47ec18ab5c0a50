// The preview routes (what a preview is: ../previews.ts). A team offers a published build and gets a signed
// link; the link gives the browser that opens it the candidate (a cookie), /importmap/preview-end/:team takes
// that browser back to the live build. Registered only when the service has a preview key.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { importMapRoutes as routes } from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import { addRoute, NotFound, type RouteHandler } from '@tractor/chassis';
import { previewCookie } from '../previews.js';
import type { ImportMapContext, ImportMapServiceOptions } from '../service.js';

type PreviewOptions = NonNullable<ImportMapServiceOptions['previews']>;

export function previewRoutes(
  app: FastifyInstance,
  context: ImportMapContext,
  previews: PreviewOptions,
): void {
  // Offered like a deploy (checked, its renderer loaded by the team's service), but nothing live changes.
  addRoute(app, routes.preview, offer(context, previews));

  // The link: this browser gets the candidate (an httpOnly cookie, as long as the link is valid).
  app.get<{ Params: { token: string } }>('/importmap/preview/:token', async (request, reply) =>
    open(request, reply, previews),
  );

  // Back to the live build.
  app.get<{ Params: { team: string } }>('/importmap/preview-end/:team', async (request, reply) => {
    if (!context.knownTeams.has(request.params.team))
      throw new NotFound({ message: `There is no team ${request.params.team}.`, field: 'team' });
    return reply
      .header(
        'set-cookie',
        `${previewCookie(request.params.team)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
      )
      .header('cache-control', 'no-store')
      .redirect('/', 303);
  });
}

function offer(
  { release }: ImportMapContext,
  { store, key }: PreviewOptions,
): RouteHandler<typeof routes.preview> {
  return async ({ params, body }, { request, reply }) => {
    const { expiresInSeconds, ...change } = body;
    await release.check(params.team, change);
    await release.prepare(params.team, change.build, change.server ?? null, request.log);
    await store.record(params.team, change);
    const expires = Math.floor(Date.now() / 1000) + (expiresInSeconds ?? 24 * 3600);
    const token = key.sign({ team: params.team, build: change.build, expires });
    request.log.info({ team: params.team, build: change.build }, 'offered for preview');
    reply.code(201);
    return {
      team: params.team,
      build: change.build,
      version: change.version,
      link: `/importmap/preview/${token}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  };
}

async function open(
  request: FastifyRequest<{ Params: { token: string } }>,
  reply: FastifyReply,
  { store, key, secureCookies }: PreviewOptions,
) {
  const token = request.params.token;
  const grant = key.verify(token);
  if (!grant) {
    const expired = key.verify(token, 0) !== undefined;
    throw new HttpError(expired ? 410 : 403, {
      message: expired
        ? 'This preview link has expired: ask for a new one (npm run deploy -- <team> --preview).'
        : 'This is not a preview link of this store: it was changed, or signed elsewhere.',
      field: 'token',
    });
  }
  if (!(await store.get(grant.team, grant.build))) {
    throw new NotFound({
      message: `${grant.team} has no build ${grant.build} offered for preview.`,
      field: 'token',
    });
  }
  const maxAge = grant.expires - Math.floor(Date.now() / 1000);
  return reply
    .header(
      'set-cookie',
      `${previewCookie(grant.team)}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax` +
        (secureCookies ? '; Secure' : ''),
    )
    .header('cache-control', 'no-store')
    .redirect('/', 303);
}
