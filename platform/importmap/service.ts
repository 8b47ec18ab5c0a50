// The import map service, as a fastify plugin of the gateway: the live map (GET /importmap.json), the deploy
// API that changes it, and publishing into the asset store. Every refusal is the contract's JSON error. This
// module holds its options, authorizes every change, and lists its routes: each group in ./routes/.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deployment, ImportMap, ServerBundleRef } from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import { answerErrorsAsJson, NotFound } from '@tractor/chassis';
import { withinTime } from '@tractor/shared/deadline';
import type { AssetStore } from './assets.js';
import type { Deployments } from './deployments.js';
import type { PreviewKey, Previews } from './previews.js';
import { ReleaseChecks } from './release-checks.js';
import type { DeployTokens } from './tokens.js';
import { checkRoutes } from './routes/checks.js';
import { deploymentRoutes } from './routes/deployments.js';
import { liveRoutes } from './routes/live.js';
import { previewRoutes } from './routes/previews.js';
import { publishRoutes } from './routes/publish.js';

export { PrepareRefused } from './release-checks.js';

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

/** What each route group is given: the options, the registry's teams (a set), the checks a change passes. */
export interface ImportMapContext extends ImportMapServiceOptions {
  readonly knownTeams: ReadonlySet<string>;
  readonly release: ReleaseChecks;
}

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
  new HttpError(401, {
    message: 'Send the team’s deploy token: Authorization: Bearer <token>.',
    field: 'authorization',
  });

/** The team the request's token deploys for; it must be the team in the URL. */
function authorize(request: FastifyRequest, team: string, { knownTeams, tokens }: ImportMapContext) {
  if (!knownTeams.has(team))
    throw new NotFound({ message: `There is no team ${team} in the registry.`, field: 'team' });
  const tokenTeam = tokens.teamOf(request.headers.authorization);
  if (!tokenTeam) throw unauthorized();
  if (tokenTeam !== team) {
    throw new HttpError(403, {
      message: `This token deploys ${tokenTeam}, not ${team}.`,
      field: 'authorization',
    });
  }
}

export async function importMapService(
  app: FastifyInstance,
  options: ImportMapServiceOptions,
): Promise<void> {
  const context: ImportMapContext = {
    ...options,
    knownTeams: new Set(options.teams),
    release: new ReleaseChecks(options),
  };
  answerErrorsAsJson(app);

  // Every change is authorized before its body is read: a request without its team's token costs a header's
  // worth of work, however large the body it announces.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const { team } = request.params as { team?: string };
    if (team !== undefined) authorize(request, team, context);
  });

  liveRoutes(app, context);
  deploymentRoutes(app, context);
  checkRoutes(app, context);
  if (options.previews) previewRoutes(app, context, options.previews);
  await publishRoutes(app, context);
}
