// Registers a contract route on a fastify app: the request's params, query and body are parsed with the
// contract's schemas before the handler runs; anything that does not parse is a 400 naming the field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { ParsedRequest, RouteDefinition, RouteOutput, Schema } from '../contracts/http.js';

type Part = 'params' | 'query' | 'body';

export class BadRequest extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** zod/mini ships no message texts: say what was expected in plain words. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}

function parsePart(schema: Schema | undefined, value: unknown, part: Part): unknown {
  if (!schema) return part === 'body' ? undefined : {};
  const result = schema.safeParse(part === 'body' ? value : { ...(value as object) }, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
  const field = String(issue?.path[0] ?? part);
  throw new BadRequest(field, `${part}${where}: ${issue ? describe(issue) : 'is not valid'}`);
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
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const input = {
        params: parsePart(route.params, request.params, 'params'),
        query: parsePart(route.query, request.query, 'query'),
        body: parsePart(route.body, request.body, 'body'),
      } as ParsedRequest<R>;
      return handler(input, { request, reply });
    },
  });
}

/** A 404 for an id the service does not know, with the JSON shape of every other error. */
export class NotFound extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}
