// Deploying a team's build to a running store: what `npm run deploy`, `npm run rollback` and `npm start` call,
// and what a team's CI would call. Only HTTP: publish each file of the build to the asset store, then switch
// the team's import-map entries with the ETag it read (a concurrent deploy of the same team makes this one
// fail with 412 rather than silently replace it).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AllDeployments,
  BuildManifest,
  Deployment,
  GateAnswer,
  Preview,
  TeamDeployments,
  assetUrl,
  importMapRoutes,
  type DeployRequest,
} from '@tractor/shared/contracts/importmap';
import { ApiError, HttpError } from '@tractor/shared/contracts/http';
import type * as z from 'zod/mini';

export interface Target {
  /** The store's origin, e.g. http://127.0.0.1:3000. */
  readonly origin: string;
  /** The team's deploy token (not needed to read). */
  readonly token?: string | undefined;
}

async function call<S extends z.ZodMiniType>(
  target: Target,
  method: string,
  url: string,
  schema: S,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<{ data: z.output<S>; etag: string | null }> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  let response: Response;
  try {
    response = await fetch(new URL(url, target.origin), { method, headers, body: init.body ?? null });
  } catch {
    throw new HttpError(0, {
      message: `The store at ${target.origin} does not answer. Is it running (npm start)?`,
    });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = ApiError.safeParse(payload);
    throw new HttpError(response.status, {
      message: problem.success ? problem.data.message : `${method} ${url} answered ${response.status}.`,
      field: problem.success ? problem.data.field : undefined,
    });
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new HttpError(response.status, { message: `${method} ${url} answered an unexpected shape.` });
  return { data: parsed.data as z.output<S>, etag: response.headers.get('etag') };
}

export async function readManifest(distDir: string): Promise<BuildManifest> {
  const text = await readFile(path.join(distDir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(
      `${distDir} has no manifest.json: build the team first (npm run build -w @tractor/<team>).`,
    );
  });
  const parsed = BuildManifest.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${distDir}/manifest.json is not a build manifest.`);
  return parsed.data;
}

/**
 * The deploy request for a build: its entries and the integrity of each JavaScript file the browser may load,
 * as asset-store URLs; and its server renderer, for the team's service alone.
 */
export function deployRequest(manifest: BuildManifest): DeployRequest {
  const url = (file: string) => assetUrl(manifest.team, manifest.build, file);
  const server = manifest.server;
  return {
    version: manifest.version,
    build: manifest.build,
    builtAt: manifest.builtAt,
    imports: Object.fromEntries(Object.entries(manifest.imports).map(([name, file]) => [name, url(file)])),
    // Every module the browser may load from this build (the entry and its lazy chunks), not source maps.
    integrity: Object.fromEntries(
      Object.entries(manifest.files)
        .filter(([file]) => file.endsWith('.js') && file !== server)
        .map(([file, integrity]) => [url(file), integrity]),
    ),
    ...(server && manifest.files[server]
      ? { server: { url: url(server), integrity: manifest.files[server] } }
      : {}),
    ...(manifest.surface ? { surface: manifest.surface } : {}),
  };
}

export const teamState = (target: Target, team: string) =>
  call(target, 'GET', `/importmap/deployments/${team}`, TeamDeployments);

export const allDeployments = async (target: Target) =>
  (await call(target, 'GET', '/importmap/deployments', AllDeployments)).data;

export interface DeployResult {
  readonly deployment: Deployment;
  /** false: this build was live already; nothing changed. */
  readonly changed: boolean;
  readonly published: number;
  readonly created: number;
  /** From the switch request to its answer: when the new version became live. */
  readonly switchMs: number;
}

/** Publishes every file of the build in `distDir` to the asset store (a file published already is a no-op). */
async function publish(target: Target, distDir: string, manifest: BuildManifest) {
  const files = Object.keys(manifest.files);
  let created = 0;
  const queue = [...files];
  // Four uploads at a time; a file already published with the same bytes is a no-op.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const { data } = await call(
          target,
          'PUT',
          `/importmap/assets/${manifest.team}/${manifest.build}/${file}`,
          importMapRoutes.publish.response,
          {
            body: await readFile(path.join(distDir, file)),
            headers: { 'content-type': 'application/octet-stream' },
          },
        );
        if (data.created) created++;
      }
    }),
  );
  return { published: files.length, created };
}

/** Publishes the build in `distDir` and makes it the team's live version. */
export async function deploy(
  target: Target,
  distDir: string,
  options: { force?: boolean } = {},
): Promise<DeployResult> {
  const manifest = await readManifest(distDir);
  const { data: state, etag } = await teamState(target, manifest.team);
  if (state.live?.build === manifest.build && !options.force) {
    return { deployment: state.live, changed: false, published: 0, created: 0, switchMs: 0 };
  }
  const { published, created } = await publish(target, distDir, manifest);
  const started = performance.now();
  const { data: deployment } = await call(
    target,
    'PUT',
    `/importmap/deployments/${manifest.team}`,
    Deployment,
    {
      body: JSON.stringify(deployRequest(manifest)),
      headers: { 'content-type': 'application/json', 'if-match': etag ?? '*' },
    },
  );
  return { deployment, changed: true, published, created, switchMs: performance.now() - started };
}

/**
 * Publishes the build in `distDir` and offers it for preview: nothing live changes. Answers the link (a path
 * on the store's public origin) that gives one browser the candidate.
 */
export async function preview(
  target: Target,
  distDir: string,
  options: { expiresInSeconds?: number } = {},
): Promise<{ preview: Preview; published: number; created: number }> {
  const manifest = await readManifest(distDir);
  const { published, created } = await publish(target, distDir, manifest);
  const { data } = await call(target, 'POST', `/importmap/previews/${manifest.team}`, Preview, {
    body: JSON.stringify({ ...deployRequest(manifest), ...options }),
    headers: { 'content-type': 'application/json' },
  });
  return { preview: data, published, created };
}

/**
 * Asks the gate whether the build in `distDir` could go live now, against the other teams' live builds and its
 * team's live service; nothing is published. A refusal is an HttpError (409) whose message names each problem.
 */
export async function checkRelease(target: Target, distDir: string): Promise<GateAnswer> {
  const manifest = await readManifest(distDir);
  const { data } = await call(target, 'POST', `/importmap/checks/${manifest.team}`, GateAnswer, {
    body: JSON.stringify(deployRequest(manifest)),
    headers: { 'content-type': 'application/json' },
  });
  return data;
}

/** Switches the team back: to deployment `to`, or to the build live before the current one. */
export async function rollback(target: Target, team: string, to?: number): Promise<Deployment> {
  const { etag } = await teamState(target, team);
  const { data } = await call(target, 'POST', `/importmap/deployments/${team}/rollback`, Deployment, {
    body: JSON.stringify(to === undefined ? {} : { to }),
    headers: { 'content-type': 'application/json', 'if-match': etag ?? '*' },
  });
  return data;
}
