// The import map's state: every team's chain of deployments in the platform's own database (PGlite or
// PostgreSQL). A change is one transaction that appends to the team's chain, taking a per-team lock in the
// database; the table's UNIQUE (team, previous) refuses a second change made against the same live deployment.
// So optimistic concurrency (If-Match) holds across any number of replicas — unlike an in-process lock.
import type { Database, Queryable } from '@tractor/chassis';
import type {
  DeployRequest,
  Deployment,
  ImportMap,
  ReleaseSurface,
  TeamDeployments,
} from '@tractor/shared/contracts/importmap';

/** The change was made against a deployment that is no longer live (a stale If-Match). */
export class StaleChange extends Error {
  readonly live: Deployment | null;
  constructor(team: string, live: Deployment | null) {
    super(
      `${team}'s entries changed meanwhile: the live deployment is ${live ? live.id : 'none'}. ` +
        'Read it again and retry.',
    );
    this.live = live;
  }
}

/** A rollback with nothing to go back to, or to a deployment of another team. */
export class NoRollbackTarget extends Error {}

/** What a change must be based on: the live deployment's id (null: never deployed), or anything ('*'). */
export type Precondition = { readonly id: number | null } | '*';

interface Row {
  id: number;
  team: string;
  previous: number | null;
  action: 'deploy' | 'rollback';
  restores: number | null;
  version: string;
  build: string;
  built_at: Date | string | null;
  deployed_at: Date | string;
  imports: Record<string, string>;
  integrity: Record<string, string>;
  server: { url: string; integrity: string } | null;
  surface: ReleaseSurface | null;
}

const COLUMNS = `id::integer AS id, team, previous::integer AS previous, action, restores::integer AS restores,
  version, build, built_at, deployed_at, imports, integrity, server, surface`;

const iso = (value: Date | string) => new Date(value).toISOString();

const toDeployment = (row: Row): Deployment => ({
  id: row.id,
  team: row.team,
  version: row.version,
  build: row.build,
  action: row.action,
  restores: row.restores,
  builtAt: row.built_at === null ? null : iso(row.built_at),
  deployedAt: iso(row.deployed_at),
  imports: row.imports,
  integrity: row.integrity,
  server: row.server,
  surface: row.surface,
});

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export class Deployments {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Each team's live deployment (teams that never deployed are absent); inside `tx` when given. */
  async live(tx: Queryable = this.#db): Promise<Deployment[]> {
    const rows = await tx.query<Row>(
      `SELECT DISTINCT ON (team) ${COLUMNS} FROM deployment ORDER BY team, id DESC`,
    );
    return rows.map(toDeployment);
  }

  /** One team's live deployment and its history, newest first (at most `limit`). */
  async team(team: string, limit = 50): Promise<TeamDeployments> {
    const rows = await this.#db.query<Row>(
      `SELECT ${COLUMNS} FROM deployment WHERE team = $1 ORDER BY id DESC LIMIT $2`,
      [team, limit],
    );
    const history = rows.map(toDeployment);
    return { team, live: history[0] ?? null, history };
  }

  /** Makes `change` the team's live entries, if `base` still holds. */
  deploy(team: string, change: DeployRequest, base: Precondition): Promise<Deployment> {
    return this.#append(team, base, async () => ({
      action: 'deploy' as const,
      restores: null,
      version: change.version,
      build: change.build,
      builtAt: change.builtAt ?? null,
      imports: change.imports,
      integrity: change.integrity,
      server: change.server ?? null,
      surface: change.surface ?? null,
    }));
  }

  /**
   * Brings back an earlier deployment's entries: the one given, or the build that was live before the live
   * build was first deployed (so rolling back twice walks back twice). Recorded as a new deployment.
   */
  rollback(
    team: string,
    to: number | undefined,
    base: Precondition,
    /** Checks the deployment it would bring back before it does (the gate); throwing refuses the rollback. */
    vet?: (target: Deployment, tx: Queryable) => Promise<void>,
  ): Promise<Deployment> {
    return this.#append(team, base, async (tx, live) => {
      const target = to === undefined ? await this.#before(tx, team, live) : await this.#byId(tx, to);
      if (!target || target.team !== team) {
        throw new NoRollbackTarget(
          to === undefined
            ? `${team} has no earlier deployment to roll back to.`
            : `${team} has no deployment ${to}.`,
        );
      }
      await vet?.(target, tx);
      return {
        action: 'rollback' as const,
        restores: target.restores ?? target.id,
        version: target.version,
        build: target.build,
        builtAt: target.builtAt,
        imports: target.imports,
        integrity: target.integrity,
        server: target.server,
        surface: target.surface,
      };
    });
  }

  async #byId(tx: Queryable, id: number): Promise<Deployment | undefined> {
    const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM deployment WHERE id = $1`, [id]);
    return row && toDeployment(row);
  }

  /** The deployment live before the live build was first deployed. */
  async #before(tx: Queryable, team: string, live: Deployment | null): Promise<Deployment | undefined> {
    if (!live) return undefined;
    const original = live.restores === null ? live : await this.#byId(tx, live.restores);
    const [row] = await tx.query<Row>(
      `SELECT ${COLUMNS} FROM deployment WHERE team = $1 AND id < $2 AND build <> $3 ORDER BY id DESC LIMIT 1`,
      [team, original?.id ?? live.id, live.build],
    );
    return row && toDeployment(row);
  }

  async #append(
    team: string,
    base: Precondition,
    make: (tx: Queryable, live: Deployment | null) => Promise<Omit<Deployment, 'id' | 'team' | 'deployedAt'>>,
  ): Promise<Deployment> {
    // The lock below makes a clash rare; the table's constraint still guards against one. An unconditional
    // change ('*') is then retried; a conditional one is refused as stale.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#db.transaction(async (tx) => {
          // Changes of one team take turns (a lock in the database, so across replicas); each then reads the
          // live deployment as committed by the one before it. Other teams' changes do not wait.
          await tx.query("SELECT pg_advisory_xact_lock(hashtext('importmap:' || $1))", [team]);
          const [head] = await tx.query<Row>(
            `SELECT ${COLUMNS} FROM deployment WHERE team = $1 ORDER BY id DESC LIMIT 1`,
            [team],
          );
          const live = head ? toDeployment(head) : null;
          if (base !== '*' && base.id !== (live?.id ?? null)) throw new StaleChange(team, live);
          const next = await make(tx, live);
          const [row] = await tx.query<Row>(
            `INSERT INTO deployment
               (team, previous, action, restores, version, build, built_at, imports, integrity, server, surface)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
            [
              team,
              live?.id ?? null,
              next.action,
              next.restores,
              next.version,
              next.build,
              next.builtAt,
              JSON.stringify(next.imports),
              JSON.stringify(next.integrity),
              next.server === null ? null : JSON.stringify(next.server),
              next.surface === null ? null : JSON.stringify(next.surface),
            ],
          );
          return toDeployment(row!);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another change of this team committed first, against the same live deployment.
        if (base !== '*' || attempt >= 4) throw new StaleChange(team, (await this.team(team, 1)).live);
      }
    }
  }
}

/** The whole live map: the platform's entries, then each team's live entries (which never name the platform's). */
export function liveImportMap(platform: ImportMap, live: readonly Deployment[]): ImportMap {
  const map = { imports: { ...platform.imports }, integrity: { ...platform.integrity } };
  for (const deployment of live) {
    Object.assign(map.imports, deployment.imports);
    Object.assign(map.integrity, deployment.integrity);
  }
  return map;
}
