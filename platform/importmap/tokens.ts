// Deploy tokens: one per team. A deploy request carries its team's token (Authorization: Bearer …); a token
// opens only its own team's entries and asset folder. Production passes them in DEPLOY_TOKENS (JSON, team →
// token, from a secret store); the embedded store keeps them in a credentials file it creates on first start,
// which `npm run deploy` reads — the same file for every store this checkout runs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export type TokenTable = Readonly<Record<string, string>>;

/** The embedded store's credentials file: every store this checkout runs (any port, --fresh or not) uses it. */
export const LOCAL_TOKENS_FILE = path.join(import.meta.dirname, '../.data/deploy-tokens.json');

const digest = (token: string) => createHash('sha256').update(token).digest();

export class DeployTokens {
  readonly #digests: ReadonlyMap<string, Buffer>;

  constructor(tokens: TokenTable) {
    this.#digests = new Map(Object.entries(tokens).map(([team, token]) => [team, digest(token)]));
  }

  /** The team an Authorization header's token belongs to, or undefined. Compares in constant time. */
  teamOf(authorization: string | undefined): string | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    const presented = digest(token);
    let found: string | undefined;
    for (const [team, expected] of this.#digests) {
      if (timingSafeEqual(presented, expected)) found = team;
    }
    return found;
  }
}

const newToken = () => randomBytes(32).toString('base64url');

/** A token must be at least this long (bytes): guessing one is then out of reach. */
export const MIN_TOKEN_BYTES = 32;

/**
 * The deploy tokens of DEPLOY_TOKENS (JSON, team → token), checked: an object of the registry's teams, each token
 * at least MIN_TOKEN_BYTES long, no two teams with the same token (one team could deploy another's entries).
 * Throws an Error whose message says what to fix; it never names a token.
 */
export function parseTokens(json: string, teams: readonly string[]): TokenTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('DEPLOY_TOKENS must be JSON: {"<team>": "<token>", …}.');
  }
  return checkTokens(parsed, teams, 'DEPLOY_TOKENS');
}

function checkTokens(value: unknown, teams: readonly string[], source: string): TokenTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${source} must hold a JSON object: team → token.`);
  }
  const known = new Set(teams);
  const seen = new Map<string, string>();
  for (const [team, token] of Object.entries(value)) {
    if (!known.has(team)) throw new Error(`${source} names ${team}, which is not a team of the registry.`);
    if (typeof token !== 'string' || Buffer.byteLength(token) < MIN_TOKEN_BYTES) {
      throw new Error(`${source}: ${team}'s token must be a string of at least ${MIN_TOKEN_BYTES} bytes.`);
    }
    const other = seen.get(token);
    if (other)
      throw new Error(`${source}: ${other} and ${team} have the same token; each team needs its own.`);
    seen.set(token, team);
  }
  return value as TokenTable;
}

/**
 * The tokens in `file`, with a new one for each of `teams` it lacks. Creating the file is atomic (written
 * aside, then linked into place), so two stores starting at once agree on one set.
 */
export function localTokens(file: string, teams: readonly string[]): TokenTable {
  mkdirSync(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${Date.now()}.tmp`;
  if (!existsSync(file)) {
    writeFileSync(aside, JSON.stringify(Object.fromEntries(teams.map((t) => [t, newToken()])), null, 2), {
      mode: 0o600,
    });
    try {
      linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  const tokens = readTokens(file);
  const missing = teams.filter((t) => !tokens[t]);
  if (missing.length === 0) return tokens;
  const completed = { ...tokens, ...Object.fromEntries(missing.map((t) => [t, newToken()])) };
  writeFileSync(aside, JSON.stringify(completed, null, 2), { mode: 0o600 });
  renameSync(aside, file);
  return completed;
}

export function readTokens(file: string): TokenTable {
  const tokens: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
    throw new Error(`${file} must hold a JSON object: team → token.`);
  }
  return tokens as TokenTable;
}
