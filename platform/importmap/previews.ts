// Previews: a team's candidate build, published and checked like a deploy but not live. The deploy API answers
// a link; the link sets a signed, expiring, httpOnly cookie naming the team and the build, and the pages of
// that browser alone use the candidate for that team — import map and server render alike. Everyone else
// gets the live builds. A cookie that is tampered with, expired, or names a build never previewed is ignored.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@tractor/chassis';
import {
  BUILD_ID,
  TEAM_NAME,
  type DeployRequest,
  type Deployment,
} from '@tractor/shared/contracts/importmap';

/** The cookie a preview of `team` is kept in. */
export const previewCookie = (team: string) => `tractor-preview-${team}`;
/** The preview key's least length: an HMAC key as strong as its hash. */
const MIN_KEY_BYTES = 32;

export interface PreviewGrant {
  readonly team: string;
  readonly build: string;
  /** Seconds since the epoch. */
  readonly expires: number;
}

/** Signs and checks preview tokens: "<team>.<build>.<expires>.<HMAC-SHA256, base64url>". */
export class PreviewKey {
  readonly #key: Buffer;

  constructor(key: string) {
    if (Buffer.byteLength(key) < MIN_KEY_BYTES) {
      throw new Error(`PREVIEW_KEY must be at least ${MIN_KEY_BYTES} bytes.`);
    }
    this.#key = Buffer.from(key);
  }

  #mac(text: string): Buffer {
    return createHmac('sha256', this.#key).update(text).digest();
  }

  sign(grant: PreviewGrant): string {
    const text = `${grant.team}.${grant.build}.${grant.expires}`;
    return `${text}.${this.#mac(text).toString('base64url')}`;
  }

  /** The grant a token carries, if it is ours, whole and unexpired at `now` (ms); otherwise undefined. */
  verify(token: string, now = Date.now()): PreviewGrant | undefined {
    const [team, build, expires, mac, ...rest] = token.split('.');
    if (rest.length || !team || !build || !expires || !mac) return undefined;
    if (!TEAM_NAME.test(team) || !BUILD_ID.test(build) || !/^\d{1,12}$/.test(expires)) return undefined;
    const expected = this.#mac(`${team}.${build}.${expires}`);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expires) * 1000 <= now) return undefined;
    return { team, build, expires: Number(expires) };
  }
}

/**
 * The embedded store's preview key, kept beside its deploy tokens (created on first start). Production passes
 * PREVIEW_KEY from its secret store.
 */
export function localPreviewKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

interface Row {
  team: string;
  build: string;
  version: string;
  built_at: Date | string | null;
  created_at: Date | string;
  imports: Record<string, string>;
  integrity: Record<string, string>;
  server: { url: string; integrity: string } | null;
}

/** The builds offered for preview, in the platform's database: checked once, immutable after. */
export class Previews {
  readonly #db: Database;
  /** A build's preview never changes: read once per process. */
  readonly #known = new Map<string, Deployment>();

  constructor(db: Database) {
    this.#db = db;
  }

  async record(team: string, change: DeployRequest): Promise<void> {
    await this.#db.query(
      `INSERT INTO preview (team, build, version, built_at, imports, integrity, server)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (team, build) DO NOTHING`,
      [
        team,
        change.build,
        change.version,
        change.builtAt ?? null,
        JSON.stringify(change.imports),
        JSON.stringify(change.integrity),
        change.server ? JSON.stringify(change.server) : null,
      ],
    );
  }

  /**
   * The preview as a deployment of the team, for the one page that uses it (id 0: it is in no team's chain of
   * deployments, and never live).
   */
  async get(team: string, build: string): Promise<Deployment | undefined> {
    const key = `${team} ${build}`;
    const known = this.#known.get(key);
    if (known) return known;
    const [row] = await this.#db.query<Row>(
      `SELECT team, build, version, built_at, created_at, imports, integrity, server
       FROM preview WHERE team = $1 AND build = $2`,
      [team, build],
    );
    if (!row) return undefined;
    const deployment: Deployment = {
      id: 0,
      team: row.team,
      version: row.version,
      build: row.build,
      action: 'deploy',
      restores: null,
      builtAt: row.built_at === null ? null : new Date(row.built_at).toISOString(),
      deployedAt: new Date(row.created_at).toISOString(),
      imports: row.imports,
      integrity: row.integrity,
      server: row.server,
      surface: null,
    };
    this.#known.set(key, deployment);
    return deployment;
  }

  /**
   * The deployments a page uses: the live ones, each team with a valid preview cookie swapped for its
   * candidate. One list feeds the page's import map and its server render: a page never mixes two builds.
   */
  async forPage(
    live: readonly Deployment[],
    cookie: string | undefined,
    key: PreviewKey,
  ): Promise<{ deployments: readonly Deployment[]; previewing: string[] }> {
    if (!cookie?.includes('tractor-preview-')) return { deployments: live, previewing: [] };
    const swapped = new Map<string, Deployment>();
    for (const [, name, value] of cookie.matchAll(/(?:^|;\s*)tractor-preview-([a-z][a-z0-9-]*)=([^;]*)/g)) {
      const grant = key.verify(decodeURIComponent(value!));
      if (!grant || grant.team !== name) continue;
      const preview = await this.get(grant.team, grant.build).catch(() => undefined);
      if (preview) swapped.set(grant.team, preview);
    }
    if (swapped.size === 0) return { deployments: live, previewing: [] };
    const deployments = live.map((d) => swapped.get(d.team) ?? d);
    for (const [team, preview] of swapped) if (!live.some((d) => d.team === team)) deployments.push(preview);
    return { deployments, previewing: [...swapped.keys()] };
  }
}

/** The cookie header without preview cookies: what the teams' services are sent. */
export const withoutPreviewCookies = (cookie: string | undefined) =>
  cookie
    ?.split(/;\s*/)
    .filter((c) => !c.startsWith('tractor-preview-'))
    .join('; ') || undefined;
