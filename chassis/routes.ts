// Registers a contract route on a fastify app: the request's params, query and body are parsed with the
// contract's schemas before the handler runs; anything that does not parse is a 400 naming the field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  HttpError,
  parseRequest,
  type ParsedRequest,
  type Refusal,
  type RouteDefinition,
  type RouteOutput,
} from '@tractor/shared/contracts/http';

import { answersOf, sendAnswer } from './answers.js';

/** 400: the request does not make sense; `field` names what is wrong. */
export class BadRequest extends HttpError {
  constructor(refusal: Refusal) {
    super(400, refusal);
  }
}

/** 404 for an id the service does not know. */
export class NotFound extends HttpError {
  constructor(refusal: Refusal) {
    super(404, refusal);
  }
}

export type RouteHandler<R extends RouteDefinition> = (
  input: ParsedRequest<R>,
  context: { request: FastifyRequest; reply: FastifyReply },
) => Promise<RouteOutput<R>>;

export function addRoute<R extends RouteDefinition>(
  app: FastifyInstance,
  route: R,
  handler: RouteHandler<R>,
): void {
  const parse = (request: FastifyRequest) => parseRequest(route, request);
  const rule = route.cache;
  if (route.method === 'GET' && rule) {
    // A route whose answers may be reused: the same URL gets the same bytes, from memory, until the data
    // changes (answers.ts) — with its ETag, and a 304 when the caller already has them.
    const answers = answersOf(app, route as R & { cache: typeof rule });
    app.route({
      method: 'GET',
      url: route.path,
      handler: async (request, reply) => {
        const known = answers.get(request.url);
        if (known) return sendAnswer(request, reply, rule, known);
        const generation = answers.generation;
        const input = parse(request);
        const body = JSON.stringify(await handler(input, { request, reply }));
        return sendAnswer(request, reply, rule, answers.store(request.url, body, generation));
      },
    });
    return;
  }
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const input = parse(request);
      if (route.status) reply.code(route.status);
      return handler(input, { request, reply });
    },
  });
}
