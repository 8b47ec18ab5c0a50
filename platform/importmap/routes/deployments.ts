// The deployments API: every team's deployments as read (a team's with the ETag a change names), and the two
// changes of the live map, a deploy and a rollback. A change says what it replaces (If-Match), passes the
// gate (a deploy also the change's own checks), and has its server renderer loaded before it goes live.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { importMapRoutes as routes, teamEtag } from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import { addRoute, NotFound, type RouteHandler } from '@tractor/chassis';
import { NoRollbackTarget, StaleChange, type Precondition } from '../deployments.js';
import { GateRefused, sendGateRefusal } from '../release-checks.js';
import type { ImportMapContext } from '../service.js';

export function deploymentRoutes(app: FastifyInstance, context: ImportMapContext): void {
  const { deployments, knownTeams } = context;

  addRoute(app, routes.deployments, async () => ({
    teams: await Promise.all(context.teams.map((team) => deployments.team(team, 20))),
  }));

  addRoute(app, routes.teamDeployments, async ({ params }, { reply }) => {
    if (!knownTeams.has(params.team))
      throw new NotFound({ message: `There is no team ${params.team}.`, field: 'team' });
    const state = await deployments.team(params.team);
    reply.header('etag', teamEtag(state.live)).header('cache-control', 'no-store');
    return state;
  });

  addRoute(app, routes.deploy, deploy(context));
  addRoute(app, routes.rollback, rollback(context));
}

/** The If-Match header as a precondition: 428 when missing — a deploy must say what it replaces. */
function precondition(request: FastifyRequest): Precondition {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new HttpError(428, {
      message:
        'Send If-Match with the team’s ETag from GET /importmap/deployments/:team (or * to replace whatever is live).',
      field: 'if-match',
    });
  }
  if (header.trim() === '*') return '*';
  const tag = /^(?:W\/)?"(\d+|none)"$/.exec(header.trim())?.[1];
  if (!tag)
    throw new HttpError(400, {
      message: `If-Match ${header} is not an ETag of this API ("<id>" or "none").`,
      field: 'if-match',
    });
  return { id: tag === 'none' ? null : Number(tag) };
}

const sendStale = (reply: FastifyReply, error: StaleChange) =>
  reply
    .code(412)
    .header('etag', teamEtag(error.live))
    .send({ statusCode: 412, error: 'Precondition Failed', message: error.message, field: 'if-match' });

function deploy({ deployments, release }: ImportMapContext): RouteHandler<typeof routes.deploy> {
  return async ({ params, body }, { request, reply }) => {
    const base = precondition(request);
    await release.check(params.team, body);
    try {
      await release.gate({ team: params.team, build: body.build, surface: body.surface }, request.log);
    } catch (error) {
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
    await release.prepare(params.team, body.build, body.server ?? null, request.log);
    try {
      const deployment = await deployments.deploy(params.team, body, base);
      request.log.info({ team: params.team, version: body.version, id: deployment.id }, 'deployed');
      reply.code(201).header('etag', teamEtag(deployment));
      return deployment;
    } catch (error) {
      if (error instanceof StaleChange) return sendStale(reply, error);
      throw error;
    }
  };
}

function rollback({ deployments, release }: ImportMapContext): RouteHandler<typeof routes.rollback> {
  return async ({ params, body }, { request, reply }) => {
    const base = precondition(request);
    try {
      const deployment = await deployments.rollback(params.team, body.to, base, (target, tx) =>
        release.gate(
          { team: params.team, build: target.build, surface: target.surface ?? undefined },
          request.log,
          tx,
        ),
      );
      // Most often still loaded (it was live not long ago); after a restart of the service, loaded now.
      await release
        .prepare(params.team, deployment.build, deployment.server, request.log)
        .catch((error: unknown) =>
          request.log.warn(
            { err: error, team: params.team },
            'the rolled-back build may render in the browser',
          ),
        );
      request.log.info({ team: params.team, version: deployment.version, id: deployment.id }, 'rolled back');
      reply.code(201).header('etag', teamEtag(deployment));
      return deployment;
    } catch (error) {
      if (error instanceof StaleChange) return sendStale(reply, error);
      if (error instanceof NoRollbackTarget)
        throw new HttpError(409, { message: error.message, field: 'to' });
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
  };
}
