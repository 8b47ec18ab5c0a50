// The release gate on its own, POST /importmap/checks/:team: would this build pass the gate against what is
// live now? A team's CI asks before it publishes; nothing changes. When not, the answer is the deploy's 409.
import type { FastifyInstance } from 'fastify';
import { importMapRoutes as routes } from '@tractor/shared/contracts/importmap';
import { addRoute } from '@tractor/chassis';
import { GateRefused, sendGateRefusal } from '../release-checks.js';
import type { ImportMapContext } from '../service.js';

export function checkRoutes(app: FastifyInstance, { release }: ImportMapContext): void {
  // A team's CI asks before it publishes: the gate alone, against what is live now.
  addRoute(app, routes.check, async ({ params, body }, { request, reply }) => {
    try {
      await release.gate({ team: params.team, build: body.build, surface: body.surface }, request.log);
      return { ok: true, problems: [] };
    } catch (error) {
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
  });
}
