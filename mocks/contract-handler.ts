// An msw handler for one contract route. It parses the request with the services' own parser and the
// contract's schemas, so a mock answers bad input with the same 400 JSON as the real service; it answers with
// the contract's success status and caching rule; and its resolver must return the contract's response type:
// a mock cannot drift from the contract without failing to compile.
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import {
  cacheControl,
  HttpError,
  parseRequest,
  type ApiError,
  type ParsedRequest,
  type RouteDefinition,
  type RouteOutput,
} from '@tractor/shared/contracts/http';

const reasons: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function errorResponse(status: number, message: string, field?: string) {
  const body: ApiError = { statusCode: status, error: reasons[status] ?? 'Error', message };
  if (field) body.field = field;
  return HttpResponse.json(body, { status });
}

export type MockResolver<R extends RouteDefinition> = (
  input: ParsedRequest<R>,
  request: Request,
  /** Like fastify's reply: another success status than the contract's (an order replayed is a 200). */
  reply: { code(status: number): void },
) => RouteOutput<R> | Promise<RouteOutput<R>>;

/**
 * The query as the services read it (fastify's parser): a parameter given more than once is the list of its
 * values, not its last value alone.
 */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** A percent-decoded path parameter, as the services' router decodes it; one that does not decode, as sent. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The request's path names the route as the services' router (find-my-way) reads it, on any origin (the page's,
 * or a test's base URL): the same segments, no trailing slash the route lacks, and a parameter any one segment —
 * an empty one too, which the contract's schema then refuses, as the service does ("/stores/" is a bad store id).
 */
const pathOf =
  (route: RouteDefinition) =>
  ({ request }: { request: Request }) => {
    const want = route.path.split('/');
    const got = new URL(request.url).pathname.split('/');
    const params: Record<string, string> = {};
    const matches =
      want.length === got.length &&
      want.every((segment, i) => {
        if (segment.startsWith(':')) params[segment.slice(1)] = decoded(got[i]!);
        return segment.startsWith(':') || segment === got[i];
      });
    return { matches, params };
  };

export function mockRoute<R extends RouteDefinition>(route: R, resolver: MockResolver<R>): HttpHandler {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  return http[method](pathOf(route), async ({ request, params }) => {
    try {
      const url = new URL(request.url);
      const body = route.body ? await request.json().catch(() => undefined) : undefined;
      // The services' own parser: the same 400, naming the same field, for the same bad input.
      const input = parseRequest(route, {
        params: { ...params },
        query: queryOf(url),
        body,
      });
      // The contract's success status (unless the resolver says otherwise) and caching rule, as the service.
      let status = route.status ?? 200;
      const answer = await resolver(input, request, { code: (code) => void (status = code) });
      return HttpResponse.json(answer as JsonBodyType, {
        status,
        headers: { 'cache-control': cacheControl(route.cache) },
      });
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.message, error.field);
      throw error;
    }
  });
}

/** A handler answering one route with an HTTP error: for tests of the error states. */
export function failRoute(route: RouteDefinition, status = 503, message = 'The service is down (mocked).') {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  return http[method](pathOf(route), () => errorResponse(status, message));
}
