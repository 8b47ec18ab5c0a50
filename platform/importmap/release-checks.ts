// What a change passes before the map takes it (or before it is offered for preview), shared by the routes
// that change the map: the change's own checks (its team's entries only, every file published as it says),
// the gate against what is live, and the team's service loading the build's server renderer. Each refusal
// names what is wrong; a gate refusal is its own 409 answer, naming each problem.
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { ASSET_PREFIX, type DeployRequest, type ServerBundleRef } from '@tractor/shared/contracts/importmap';
import { HttpError } from '@tractor/shared/contracts/http';
import type { Queryable } from '@tractor/chassis';
import { teamModule } from '@tractor/shared/teams';
import { integrityOf } from './assets.js';
import { gateMessage, gateProblems, type GateProblem, type Release } from './gate.js';
import type { ImportMapServiceOptions } from './service.js';

/** The change would leave a live build without something it uses (the gate): a 409 naming each problem. */
export class GateRefused extends Error {
  readonly problems: readonly GateProblem[];
  constructor(problems: readonly GateProblem[]) {
    super(gateMessage(problems));
    this.problems = problems;
  }
}

export const sendGateRefusal = (reply: FastifyReply, error: GateRefused) =>
  reply.code(409).send({
    statusCode: 409,
    error: 'Conflict',
    message: error.message,
    field: 'surface',
    problems: error.problems,
  });

/** The team's service could not load the build's server renderer: the switch is refused. */
export class PrepareRefused extends Error {}

/** What the checks read: the live deployments, the asset store, the platform's entries, the services. */
type ReleaseCheckOptions = Pick<
  ImportMapServiceOptions,
  'deployments' | 'assets' | 'platform' | 'prepare' | 'servedContracts'
>;

export class ReleaseChecks {
  readonly #options: ReleaseCheckOptions;

  constructor(options: ReleaseCheckOptions) {
    this.#options = options;
  }

  /** Everything a change must be before the map takes it; each refusal names what is wrong. */
  async check(team: string, change: DeployRequest): Promise<void> {
    const own = teamModule(team);
    const folder = `${ASSET_PREFIX}${team}/${change.build}/`;
    if (!change.imports[own]) {
      throw new HttpError(422, {
        message: `A deploy of ${team} must give ${own} its URL.`,
        field: 'imports',
      });
    }
    for (const specifier of Object.keys(change.imports)) {
      if (specifier === own || specifier.startsWith(`${own}/`)) continue;
      const owner = specifier in this.#options.platform.imports ? 'the platform' : `another team`;
      throw new HttpError(403, {
        message: `${specifier} belongs to ${owner}: ${team} may change only ${own} and ${own}/….`,
        field: 'imports',
      });
    }
    for (const [specifier, url] of Object.entries(change.imports)) {
      if (!url.startsWith(folder)) {
        throw new HttpError(422, {
          message: `${specifier} → ${url} is outside the asset store's ${folder}.`,
          field: 'imports',
        });
      }
      if (!change.integrity[url])
        throw new HttpError(422, { message: `${url} has no integrity.`, field: 'integrity' });
    }
    const published = [
      ...Object.entries(change.integrity).map(([url, integrity]) => ({ url, integrity, field: 'integrity' })),
      ...(change.server ? [{ ...change.server, field: 'server' }] : []),
    ];
    for (const { url, integrity, field } of published) {
      const file = url.startsWith(folder) ? url.slice(folder.length) : undefined;
      if (!file || file.includes('/')) {
        throw new HttpError(422, { message: `${url} is outside the asset store's ${folder}.`, field });
      }
      const bytes = await this.#options.assets.read(team, change.build, file).catch(() => undefined);
      if (!bytes) {
        throw new HttpError(422, {
          message: `${url} is not in the asset store: publish the build's files first.`,
          field,
        });
      }
      if (integrityOf(bytes) !== integrity) {
        throw new HttpError(422, {
          message: `${url}: the integrity does not match the published file.`,
          field,
        });
      }
    }
  }

  /**
   * The gate: would `release` going live leave another team's live build without something it uses, or need
   * its own API at a version the team's live service does not serve? Throws GateRefused if so.
   */
  async gate(release: Release, log: FastifyBaseLogger, tx?: Queryable): Promise<void> {
    if (!release.surface) return;
    const live = (await this.#options.deployments.live(tx)).map((d) => ({
      team: d.team,
      build: d.build,
      surface: d.surface ?? undefined,
    }));
    const served = await this.#options.servedContracts?.(release.team).catch((error: unknown) => {
      log.warn({ err: error, team: release.team }, 'the live service’s contract version is not known');
      return undefined;
    });
    const problems = gateProblems(release, live, served ? { [release.team]: served } : undefined);
    if (problems.length) throw new GateRefused(problems);
  }

  /** The team's service loads the build's renderer; a refusal is the deploy's 422, silence only a warning. */
  async prepare(
    team: string,
    build: string,
    server: ServerBundleRef | null,
    log: FastifyBaseLogger,
  ): Promise<void> {
    if (!server || !this.#options.prepare) return;
    try {
      await this.#options.prepare(team, build, server);
    } catch (error) {
      if (error instanceof PrepareRefused) {
        throw new HttpError(422, {
          message: `${team}'s service cannot render build ${build}: ${error.message}`,
          field: 'server',
        });
      }
      log.warn({ team, build, err: error }, 'the service did not load the build before the switch');
    }
  }
}
