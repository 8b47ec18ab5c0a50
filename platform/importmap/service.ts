// The import map service, as a fastify plugin of the gateway: the live map (GET /importmap.json), the deploy
// API that changes it, and publishing into the asset store. Every refusal is the contract's JSON error.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ASSET_PREFIX,
  assetUrl,
  importMapRoutes as routes,
  teamEtag,
  type DeployRequest,
  type Deployment,
  type ImportMap,
  type ServerBundleRef,
} from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import { addRoute, answerErrorsAsJson, NotFound, type Queryable } from '@tractor/chassis';
import { teamModule } from '@tractor/shared/teams';
import {
  AssetConflict,
  AssetTooLarge,
  EmptyAsset,
  QuotaExceeded,
  integrityOf,
  type AssetStore,
} from './assets.js';
import {
  liveImportMap,
  NoRollbackTarget,
  StaleChange,
  type Deployments,
  type Precondition,
} from './deployments.js';
import type { DeployTokens } from './tokens.js';
import { previewCookie, type PreviewKey, type Previews } from './previews.js';
import { gateMessage, gateProblems, type GateProblem, type Release } from './gate.js';
import { withinTime } from '@tractor/shared/deadline';

export interface ImportMapServiceOptions {
  readonly deployments: Deployments;
  /** The live deployments, as the page reads them too. */
  readonly live: LiveDeployments;
  readonly assets: AssetStore;
  readonly tokens: DeployTokens;
  /** The teams of the registry: only they have entries. */
  readonly teams: readonly string[];
  /** The platform's own entries (shared libraries, the root config): no team may change them. */
  readonly platform: ImportMap;
  /**
   * Has the team's service load a build's server renderer before the build goes live, so the first page
   * after the switch is server-rendered too. Rejects with a PrepareRefused when the service says the
   * bundle cannot load; a service that does not answer is not a reason to refuse (its replicas load lazily).
   */
  readonly prepare?: (team: string, build: string, server: ServerBundleRef) => Promise<void>;
  /**
   * The contract versions a team's live service serves (its OpenAPI document's info.version), for the gate.
   * undefined (or a failure): not known, and not held against the build.
   */
  readonly servedContracts?: (team: string) => Promise<readonly string[] | undefined>;
  /** Candidate builds offered for preview, and the key their links and cookies are signed with. */
  readonly previews?: { readonly store: Previews; readonly key: PreviewKey; readonly secureCookies: boolean };
}

/** The change would leave a live build without something it uses (the gate): a 409 naming each problem. */
class GateRefused extends Error {
  readonly problems: readonly GateProblem[];
  constructor(problems: readonly GateProblem[]) {
    super(gateMessage(problems));
    this.problems = problems;
  }
}

const sendGateRefusal = (reply: FastifyReply, error: GateRefused) =>
  reply.code(409).send({
    statusCode: 409,
    error: 'Conflict',
    message: error.message,
    field: 'surface',
    problems: error.problems,
  });

/** The team's service could not load the build's server renderer: the switch is refused. */
export class PrepareRefused extends Error {}

/** How long a page waits for the live map before it is served the last one read. */
const READ_LIMIT_MS = 2000;

/**
 * The teams' live deployments, read from the database on every call, so every replica serves a deploy on
 * the next request. When the database does not answer, the last map read is served (and said so in the log):
 * a database outage must not take the store's pages down.
 */
export class LiveDeployments {
  readonly #deployments: Deployments;
  #last: readonly Deployment[] | undefined;

  constructor(deployments: Deployments) {
    this.#deployments = deployments;
  }

  async read(log?: FastifyRequest['log']): Promise<readonly Deployment[]> {
    try {
      // Bounded like every other wait: a database that hangs is a database that does not answer.
      this.#last = await withinTime(READ_LIMIT_MS, () => this.#deployments.live());
    } catch (error) {
      if (!this.#last) throw error;
      log?.warn({ err: error }, 'import map database unreachable: serving the last live map read');
    }
    return this.#last;
  }
}

const unauthorized = () =>
  new HttpError(401, 'Send the team’s deploy token: Authorization: Bearer <token>.', 'authorization');

/** The If-Match header as a precondition: 428 when missing — a deploy must say what it replaces. */
function precondition(request: FastifyRequest): Precondition {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new HttpError(
      428,
      'Send If-Match with the team’s ETag from GET /importmap/deployments/:team (or * to replace whatever is live).',
      'if-match',
    );
  }
  if (header.trim() === '*') return '*';
  const tag = /^(?:W\/)?"(\d+|none)"$/.exec(header.trim())?.[1];
  if (!tag)
    throw new HttpError(400, `If-Match ${header} is not an ETag of this API ("<id>" or "none").`, 'if-match');
  return { id: tag === 'none' ? null : Number(tag) };
}

export async function importMapService(
  app: FastifyInstance,
  options: ImportMapServiceOptions,
): Promise<void> {
  const { deployments, live, assets, tokens, platform } = options;
  const knownTeams = new Set(options.teams);
  answerErrorsAsJson(app);

  /** The team the request's token deploys for; it must be the team in the URL. */
  function authorize(request: FastifyRequest, team: string) {
    if (!knownTeams.has(team))
      throw new NotFound({ message: `There is no team ${team} in the registry.`, field: 'team' });
    const tokenTeam = tokens.teamOf(request.headers.authorization);
    if (!tokenTeam) throw unauthorized();
    if (tokenTeam !== team) {
      throw new HttpError(403, `This token deploys ${tokenTeam}, not ${team}.`, 'authorization');
    }
  }

  // Every change is authorized before its body is read: a request without its team's token costs a header's
  // worth of work, however large the body it announces.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const { team } = request.params as { team?: string };
    if (team !== undefined) authorize(request, team);
  });

  /** Everything a change must be before the map takes it; each refusal names what is wrong. */
  async function check(team: string, change: DeployRequest) {
    const own = teamModule(team);
    const folder = `${ASSET_PREFIX}${team}/${change.build}/`;
    if (!change.imports[own]) {
      throw new HttpError(422, `A deploy of ${team} must give ${own} its URL.`, 'imports');
    }
    for (const specifier of Object.keys(change.imports)) {
      if (specifier === own || specifier.startsWith(`${own}/`)) continue;
      const owner = specifier in platform.imports ? 'the platform' : `another team`;
      throw new HttpError(
        403,
        `${specifier} belongs to ${owner}: ${team} may change only ${own} and ${own}/….`,
        'imports',
      );
    }
    for (const [specifier, url] of Object.entries(change.imports)) {
      if (!url.startsWith(folder)) {
        throw new HttpError(422, `${specifier} → ${url} is outside the asset store's ${folder}.`, 'imports');
      }
      if (!change.integrity[url]) throw new HttpError(422, `${url} has no integrity.`, 'integrity');
    }
    const published = [
      ...Object.entries(change.integrity).map(([url, integrity]) => ({ url, integrity, field: 'integrity' })),
      ...(change.server ? [{ ...change.server, field: 'server' }] : []),
    ];
    for (const { url, integrity, field } of published) {
      const file = url.startsWith(folder) ? url.slice(folder.length) : undefined;
      if (!file || file.includes('/')) {
        throw new HttpError(422, `${url} is outside the asset store's ${folder}.`, field);
      }
      const bytes = await assets.read(team, change.build, file).catch(() => undefined);
      if (!bytes) {
        throw new HttpError(422, `${url} is not in the asset store: publish the build's files first.`, field);
      }
      if (integrityOf(bytes) !== integrity) {
        throw new HttpError(422, `${url}: the integrity does not match the published file.`, field);
      }
    }
  }

  const sendStale = (reply: FastifyReply, error: StaleChange) =>
    reply
      .code(412)
      .header('etag', teamEtag(error.live))
      .send({ statusCode: 412, error: 'Precondition Failed', message: error.message, field: 'if-match' });

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

  addRoute(app, routes.deployments, async () => ({
    teams: await Promise.all(options.teams.map((team) => deployments.team(team, 20))),
  }));

  addRoute(app, routes.teamDeployments, async ({ params }, { reply }) => {
    if (!knownTeams.has(params.team))
      throw new NotFound({ message: `There is no team ${params.team}.`, field: 'team' });
    const state = await deployments.team(params.team);
    reply.header('etag', teamEtag(state.live)).header('cache-control', 'no-store');
    return state;
  });

  /**
   * The gate: would `release` going live leave another team's live build without something it uses, or need
   * its own API at a version the team's live service does not serve? Throws GateRefused if so.
   */
  async function gate(release: Release, log: FastifyBaseLogger, tx?: Queryable) {
    if (!release.surface) return;
    const live = (await deployments.live(tx)).map((d) => ({
      team: d.team,
      build: d.build,
      surface: d.surface ?? undefined,
    }));
    const served = await options.servedContracts?.(release.team).catch((error: unknown) => {
      log.warn({ err: error, team: release.team }, 'the live service’s contract version is not known');
      return undefined;
    });
    const problems = gateProblems(release, live, served ? { [release.team]: served } : undefined);
    if (problems.length) throw new GateRefused(problems);
  }

  /** The team's service loads the build's renderer; a refusal is the deploy's 422, silence only a warning. */
  async function prepare(
    team: string,
    build: string,
    server: ServerBundleRef | null,
    log: FastifyBaseLogger,
  ) {
    if (!server || !options.prepare) return;
    try {
      await options.prepare(team, build, server);
    } catch (error) {
      if (error instanceof PrepareRefused) {
        throw new HttpError(
          422,
          `${team}'s service cannot render build ${build}: ${error.message}`,
          'server',
        );
      }
      log.warn({ team, build, err: error }, 'the service did not load the build before the switch');
    }
  }

  addRoute(app, routes.deploy, async ({ params, body }, { request, reply }) => {
    const base = precondition(request);
    await check(params.team, body);
    try {
      await gate({ team: params.team, build: body.build, surface: body.surface }, request.log);
    } catch (error) {
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
    await prepare(params.team, body.build, body.server ?? null, request.log);
    try {
      const deployment = await deployments.deploy(params.team, body, base);
      request.log.info({ team: params.team, version: body.version, id: deployment.id }, 'deployed');
      reply.code(201).header('etag', teamEtag(deployment));
      return deployment;
    } catch (error) {
      if (error instanceof StaleChange) return sendStale(reply, error);
      throw error;
    }
  });

  addRoute(app, routes.rollback, async ({ params, body }, { request, reply }) => {
    const base = precondition(request);
    try {
      const deployment = await deployments.rollback(params.team, body.to, base, (target, tx) =>
        gate(
          { team: params.team, build: target.build, surface: target.surface ?? undefined },
          request.log,
          tx,
        ),
      );
      // Most often still loaded (it was live not long ago); after a restart of the service, loaded now.
      await prepare(params.team, deployment.build, deployment.server, request.log).catch((error: unknown) =>
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
      if (error instanceof NoRollbackTarget) throw new HttpError(409, error.message, 'to');
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
  });

  // A team's CI asks before it publishes: the gate alone, against what is live now.
  addRoute(app, routes.check, async ({ params, body }, { request, reply }) => {
    try {
      await gate({ team: params.team, build: body.build, surface: body.surface }, request.log);
      return { ok: true, problems: [] };
    } catch (error) {
      if (error instanceof GateRefused) return sendGateRefusal(reply, error);
      throw error;
    }
  });

  if (options.previews) addPreviewRoutes(options.previews);
  function addPreviewRoutes({ store, key, secureCookies }: NonNullable<ImportMapServiceOptions['previews']>) {
    // Offered like a deploy (checked, its renderer loaded by the team's service), but nothing live changes.
    addRoute(app, routes.preview, async ({ params, body }, { request, reply }) => {
      const { expiresInSeconds, ...change } = body;
      await check(params.team, change);
      await prepare(params.team, change.build, change.server ?? null, request.log);
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
    });

    // The link: this browser gets the candidate (an httpOnly cookie, as long as the link is valid).
    app.get<{ Params: { token: string } }>('/importmap/preview/:token', async (request, reply) => {
      const token = request.params.token;
      const grant = key.verify(token);
      if (!grant) {
        const expired = key.verify(token, 0) !== undefined;
        throw new HttpError(
          expired ? 410 : 403,
          expired
            ? 'This preview link has expired: ask for a new one (npm run deploy -- <team> --preview).'
            : 'This is not a preview link of this store: it was changed, or signed elsewhere.',
          'token',
        );
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
    });

    // Back to the live build.
    app.get<{ Params: { team: string } }>('/importmap/preview-end/:team', async (request, reply) => {
      if (!knownTeams.has(request.params.team))
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

  // Publishing streams the file's bytes into the asset store whatever the content type: its own scope, whose
  // one parser hands the request stream on untouched. The store bounds it (per file, and the team's share).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    addRoute(scope, routes.publish, async ({ params }, { request, reply }) => {
      const announced = Number(request.headers['content-length'] ?? NaN);
      if (announced === 0) throw new HttpError(400, 'Send the file’s bytes as the request body.', 'body');
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
        if (error instanceof AssetConflict) throw new HttpError(409, error.message, 'file');
        if (error instanceof EmptyAsset) throw new HttpError(400, error.message, 'body');
        if (error instanceof AssetTooLarge) throw new HttpError(413, error.message, 'body');
        if (error instanceof QuotaExceeded) throw new HttpError(507, error.message, 'body');
        throw error;
      }
    });
  });
}
