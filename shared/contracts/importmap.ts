// The platform's contract: the live import map and the deploy API that changes it. Teams' CI (and
// `npm run deploy`) call it; the gateway serves it. Not a team's contract: the import map belongs to the platform.
//
//   GET  /importmap.json                          the live map: { imports, integrity } (ETag)
//   GET  /importmap/deployments                   every team's live deployment and history
//   GET  /importmap/deployments/:team             one team's (ETag = its live deployment's id)
//   PUT  /importmap/deployments/:team             switch the team's entries to a published build (If-Match)
//   POST /importmap/deployments/:team/rollback    switch back to an earlier deployment (If-Match)
//   PUT  /importmap/assets/:team/:build/:file     publish one file of a build (never overwrites)
//   POST /importmap/checks/:team                  would this build pass the gate against what is live? (409 if not)
//   POST /importmap/previews/:team                offer a published build for preview: answers a link
//   GET  /importmap/preview/:token                the link: sets the preview cookie, then to the home page
import * as z from 'zod/mini';
import { defineRoutes } from './http.js';

/** Where published team files live, in the URL space and in the asset store: /assets/<team>/<build>/<file>. */
export const ASSET_PREFIX = '/assets/';
export const TEAM_NAME = /^[a-z][a-z0-9-]{0,30}$/;
export const BUILD_ID = /^[0-9a-f]{12}$/;
/** A published file's name: what webpack emits (no folders). */
export const ASSET_FILE = /^[\w-]+(\.[\w-]+)*\.(js|map|json)$/;
export const INTEGRITY = /^sha384-[A-Za-z0-9+/]{64}$/;

export const assetUrl = (team: string, build: string, file: string) =>
  `${ASSET_PREFIX}${team}/${build}/${file}`;

const Integrity = z.string().check(z.regex(INTEGRITY, 'must be "sha384-" and the base64 digest'));

export const ImportMap = z.object({
  imports: z.record(z.string(), z.string()),
  integrity: z.record(z.string(), z.string()),
});
export type ImportMap = z.infer<typeof ImportMap>;

const Names = z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000)));

/**
 * What a build provides to the other teams and uses of them. Every field optional: a missing list is empty.
 * Written into the manifest by scripts/release-surface.js; checked by the gate (importmap/gate.ts).
 */
export const ReleaseSurface = z.object({
  provides: z.optional(
    z.object({
      /** Custom elements the build defines. */
      elements: Names,
      /** "team:event"s the build dispatches. */
      events: Names,
      /** What the team's service renders for the shell, from this build's ssr.ts. */
      parts: z.optional(z.object({ pages: Names, fragments: Names })),
      /** The major version of the team's own API the build was made against. */
      contract: z.optional(z.string().check(z.maxLength(40))),
    }),
  ),
  uses: z.optional(
    z.object({
      /** Other teams' elements the build places. */
      elements: Names,
      /** Other teams' events the build listens to. */
      events: Names,
    }),
  ),
});
export type ReleaseSurface = z.infer<typeof ReleaseSurface>;

/** What a team's build says of itself (dist/manifest.json, written by the shared webpack factory). */
export const BuildManifest = z.object({
  team: z.string().check(z.regex(TEAM_NAME)),
  version: z.string().check(z.minLength(1), z.maxLength(100)),
  build: z.string().check(z.regex(BUILD_ID, 'must be 12 hex digits')),
  builtAt: z.string(),
  /** Import-map name → file, relative to the build's folder. */
  imports: z.record(z.string(), z.string()),
  /** The team's server renderer (its ssr.ts as one module), relative to the build's folder; never mapped. */
  server: z.optional(z.string()),
  /** What the build provides to the other teams and uses of them: the gate's input. */
  surface: z.optional(ReleaseSurface),
  /** Every file of the build → its integrity. */
  files: z.record(z.string(), Integrity),
});
export type BuildManifest = z.infer<typeof BuildManifest>;

/**
 * A build's server renderer in the asset store: the team's service loads it, checked against this integrity,
 * to render its parts of a page this build is live in. Never in the page's import map.
 */
export const ServerBundleRef = z.strictObject({
  url: z.string().check(z.maxLength(500)),
  integrity: Integrity,
});
export type ServerBundleRef = z.infer<typeof ServerBundleRef>;

/** The headers a render request names the page's build's server bundle in (the shell, from the deployment). */
export const SERVER_BUNDLE_HEADERS = {
  url: 'tractor-server-url',
  integrity: 'tractor-server-integrity',
} as const;

/** PUT /importmap/deployments/:team — the entries a build gives the map, with absolute asset-store URLs. */
export const DeployRequest = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(100)),
  build: z.string().check(z.regex(BUILD_ID, 'must be 12 hex digits')),
  builtAt: z.optional(z.string().check(z.maxLength(40))),
  imports: z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(500))),
  integrity: z.record(z.string().check(z.maxLength(500)), Integrity),
  server: z.optional(ServerBundleRef),
  surface: z.optional(ReleaseSurface),
});
export type DeployRequest = z.infer<typeof DeployRequest>;

/** One thing a change would leave missing: who uses it, who should provide it, what it is. */
export const GateProblem = z.object({
  consumer: z.string(),
  consumerBuild: z.string(),
  provider: z.string(),
  kind: z.enum(['element', 'event', 'contract']),
  name: z.string(),
  message: z.string(),
});
export type GateProblem = z.infer<typeof GateProblem>;

/** POST /importmap/checks/:team: the gate's answer for a build (200 when it may go live; else a 409 with these). */
export const GateAnswer = z.object({ ok: z.boolean(), problems: z.array(GateProblem) });
export type GateAnswer = z.infer<typeof GateAnswer>;

/** POST /importmap/previews/:team — a build as for a deploy, and how long its link works (default a day). */
export const PreviewRequest = z.strictObject({
  ...DeployRequest.def.shape,
  expiresInSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(7 * 24 * 3600))),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const Preview = z.object({
  team: z.string(),
  build: z.string(),
  version: z.string(),
  /** Path of the link that gives a browser the preview (on the store's public origin). */
  link: z.string(),
  expiresAt: z.string(),
});
export type Preview = z.infer<typeof Preview>;

/** POST /importmap/deployments/:team/rollback — to a given deployment, or (no `to`) the one before this build. */
export const RollbackRequest = z.strictObject({ to: z.optional(z.int().check(z.positive())) });
export type RollbackRequest = z.infer<typeof RollbackRequest>;

export const Deployment = z.object({
  id: z.number(),
  team: z.string(),
  version: z.string(),
  build: z.string(),
  action: z.enum(['deploy', 'rollback']),
  /** For a rollback: the deployment whose build it brought back. */
  restores: z.nullable(z.number()),
  builtAt: z.nullable(z.string()),
  deployedAt: z.string(),
  imports: z.record(z.string(), z.string()),
  integrity: z.record(z.string(), z.string()),
  /** null: the build has no server renderer (its parts are the browser's). */
  server: z.nullable(z.object({ url: z.string(), integrity: z.string() })),
  /** null: the build did not say (a build from before manifests carried it): the gate skips it. */
  surface: z.nullable(ReleaseSurface),
});
export type Deployment = z.infer<typeof Deployment>;

export const TeamDeployments = z.object({
  team: z.string(),
  /** null: the team has never deployed. */
  live: z.nullable(Deployment),
  /** Newest first. */
  history: z.array(Deployment),
});
export type TeamDeployments = z.infer<typeof TeamDeployments>;

export const AllDeployments = z.object({ teams: z.array(TeamDeployments) });
export type AllDeployments = z.infer<typeof AllDeployments>;

/** A team's ETag: its live deployment's id, quoted; "*" matches any, also "never deployed". */
export const teamEtag = (live: Pick<Deployment, 'id'> | null) => (live ? `"${live.id}"` : '"none"');

const TeamParams = z.object({
  team: z.string().check(z.regex(TEAM_NAME, 'must be a team name like decide')),
});

export const importMapRoutes = defineRoutes({
  importMap: { method: 'GET', path: '/importmap.json', response: ImportMap },
  deployments: { method: 'GET', path: '/importmap/deployments', response: AllDeployments },
  teamDeployments: {
    method: 'GET',
    path: '/importmap/deployments/:team',
    params: TeamParams,
    response: TeamDeployments,
  },
  deploy: {
    method: 'PUT',
    path: '/importmap/deployments/:team',
    params: TeamParams,
    body: DeployRequest,
    response: Deployment,
  },
  rollback: {
    method: 'POST',
    path: '/importmap/deployments/:team/rollback',
    params: TeamParams,
    body: RollbackRequest,
    response: Deployment,
  },
  check: {
    method: 'POST',
    path: '/importmap/checks/:team',
    params: TeamParams,
    body: DeployRequest,
    response: GateAnswer,
  },
  preview: {
    method: 'POST',
    path: '/importmap/previews/:team',
    params: TeamParams,
    body: PreviewRequest,
    response: Preview,
  },
  publish: {
    method: 'PUT',
    path: '/importmap/assets/:team/:build/:file',
    params: z.object({
      team: z.string().check(z.regex(TEAM_NAME, 'must be a team name like decide')),
      build: z.string().check(z.regex(BUILD_ID, 'must be 12 hex digits')),
      file: z.string().check(z.regex(ASSET_FILE, 'must be a file name like tractor-decide.1a2b3c4d.js')),
    }),
    response: z.object({ url: z.string(), integrity: Integrity, created: z.boolean() }),
  },
});
export type ImportMapRoutes = typeof importMapRoutes;
