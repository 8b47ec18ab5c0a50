// The builds of its own team a service renders with. A release is one build id for the team's browser modules
// and its server renderer (webpack's tractor-<team>-ssr entry, published with the build); the shell names the
// build a page uses, and the service renders that page's parts with that very build — so a deploy, a preview,
// a canary or a rollback switches browser and server render together, with no restart.
//
// Each build runs in a worker thread of its own (render-worker.js): builds of one team define the same custom
// elements, and one realm can hold only one definition of each. A build is fetched once from the asset store —
// only from its own team's folder — checked against the integrity the shell sends (from the deployment the
// import map service verified), and kept while it is among the `cap` most recently used.
import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PartKind, RenderedPart, ServerBundle } from '@tractor/shared/spa/server-render';
import type { RenderContext } from '@tractor/shared/spa/render-types';
import { ASSET_FILE, BUILD_ID, INTEGRITY, TeamDeployments } from '@tractor/shared/contracts/importmap';
import { withinTime } from '@tractor/shared/deadline';
import { BoundedCache } from './bounded-cache.js';

export type { PartKind, RenderedPart, ServerBundle };

/** A build the shell asks for: its id and, to load it, its server bundle's asset-store URL and integrity. */
export interface BuildRef {
  readonly build: string;
  readonly url?: string | undefined;
  readonly integrity?: string | undefined;
}

/** Where a service finds the renderer of a build. */
export interface Builds {
  /** The build's renderer, loaded (and warmed) if it was not; a BuildError when it cannot be. */
  get(ref: BuildRef): Promise<ServerBundle>;
  close(): Promise<void>;
}

/** Why a build cannot render here, as the HTTP status the render route answers. */
export class BuildError extends Error {
  readonly status: 400 | 404 | 502;
  constructor(status: 400 | 404 | 502, message: string) {
    super(message);
    this.status = status;
  }
}

export interface WorkerBuildsOptions {
  readonly team: string;
  /** The asset store's origin (ASSETS_URL): the bundle is GET <origin>/assets/<team>/<build>/<file>. */
  readonly assetsOrigin: string;
  /** Where loaded bundles are written (a process's own, writable folder). */
  readonly cacheDir?: string;
  /** How many builds stay loaded: live, canary, preview, the one before. */
  readonly cap?: number;
  /** The team's API in-process, for warming a build's parts once before a shopper's page waits on them. */
  readonly warmFetch?: typeof fetch;
  /** Longest a render may take before its page part is given up (ms). */
  readonly renderTimeoutMs?: number;
  readonly log?: { info(message: string): void; warn(message: string): void };
}

const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** A failed load is not tried again for this long: a broken build is not fetched on every page. */
const FAILURE_MEMORY_MS = 60_000;
const LOAD_TIMEOUT_MS = 15_000;

/** The node_modules folder the service resolves Lit from: a bundle's bare imports resolve to the same. */
function nodeModulesDir(): string {
  const lit = createRequire(import.meta.url).resolve('lit');
  return lit.slice(0, lit.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules'.length);
}

export class WorkerBuilds implements Builds {
  readonly #options: Required<Omit<WorkerBuildsOptions, 'warmFetch' | 'log'>> &
    Pick<WorkerBuildsOptions, 'warmFetch' | 'log'>;
  /** Loaded or loading builds, least recently used first; past the cap, the least recently used stops. */
  readonly #loaded: BoundedCache<string, Promise<WorkerBuild>>;
  /** Builds that failed to load, remembered for a while (as many as a broken release could name). */
  readonly #failed = new BoundedCache<string, BuildError>({ maxEntries: 64 });
  #cacheReady: Promise<void> | undefined;

  constructor(options: WorkerBuildsOptions) {
    this.#options = {
      ...options,
      cacheDir: options.cacheDir ?? path.join(os.tmpdir(), `tractor-${options.team}-builds-${process.pid}`),
      cap: options.cap ?? 4,
      renderTimeoutMs: options.renderTimeoutMs ?? 5000,
    };
    // A page asking for a stopped build again loads it again.
    this.#loaded = new BoundedCache({
      maxEntries: this.#options.cap,
      onEvict: (_build, loading) => void loading.then((b) => b.stop()).catch(() => undefined),
    });
  }

  /** The builds loaded now, least recently used first. */
  get loaded(): string[] {
    return this.#loaded.keys();
  }

  get(ref: BuildRef): Promise<ServerBundle> {
    if (!BUILD_ID.test(ref.build)) {
      return Promise.reject(new BuildError(400, `build must be 12 hex digits, not "${ref.build}".`));
    }
    const loading = this.#loaded.get(ref.build);
    if (loading) return loading;
    const failed = this.#failed.get(ref.build);
    if (failed) return Promise.reject(failed);
    const load = this.#load(ref).catch((error: unknown) => {
      this.#loaded.delete(ref.build);
      const refusal =
        error instanceof BuildError
          ? error
          : new BuildError(502, `${this.#options.team} build ${ref.build} failed to load: ${String(error)}`);
      // A request that named no bundle can be answered by the next that does: only real failures are kept.
      if (refusal.status !== 400) this.#failed.set(ref.build, refusal, FAILURE_MEMORY_MS);
      this.#options.log?.warn(refusal.message);
      throw refusal;
    });
    this.#loaded.set(ref.build, load);
    return load;
  }

  async close(): Promise<void> {
    const builds = this.#loaded.values();
    this.#loaded.clear();
    await Promise.all(builds.map((b) => b.then((build) => build.stop()).catch(() => undefined)));
  }

  async #load(ref: BuildRef): Promise<WorkerBuild> {
    const { team, assetsOrigin } = this.#options;
    const started = performance.now();
    if (!ref.url || !ref.integrity) {
      throw new BuildError(
        400,
        `${team} build ${ref.build} is not loaded here: ask with its server bundle's URL and integrity.`,
      );
    }
    const folder = `/assets/${team}/${ref.build}/`;
    const file = ref.url.startsWith(folder) ? ref.url.slice(folder.length) : '';
    if (!ASSET_FILE.test(file) || !file.endsWith('.js')) {
      throw new BuildError(400, `${ref.url} is not a server bundle of ${team} build ${ref.build}.`);
    }
    if (!INTEGRITY.test(ref.integrity)) throw new BuildError(400, 'integrity must be "sha384-…".');
    const response = await fetch(new URL(ref.url, assetsOrigin), {
      signal: AbortSignal.timeout(LOAD_TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new BuildError(502, `the asset store at ${assetsOrigin} does not answer: ${String(error)}`);
    });
    if (response.status === 404) {
      await response.body?.cancel();
      throw new BuildError(404, `${ref.url} is not in the asset store: not a published build of ${team}.`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new BuildError(502, `the asset store answered ${response.status} for ${ref.url}.`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Checked before a byte of it is written or run.
    if (sha384(bytes) !== ref.integrity) {
      throw new BuildError(502, `${ref.url} does not match its integrity: not loaded.`);
    }
    const dir = path.join(this.#options.cacheDir, ref.build);
    await this.#prepareCache();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, file), bytes);
    const build = await WorkerBuild.start(path.join(dir, file), this.#options.renderTimeoutMs);
    if (this.#options.warmFetch) await build.warm(this.#options.warmFetch);
    this.#options.log?.info(
      `${team} build ${ref.build} loaded in ${Math.round(performance.now() - started)} ms`,
    );
    return build;
  }

  /** The cache folder, with node_modules beside the bundles: their imports of Lit resolve to the service's. */
  #prepareCache(): Promise<void> {
    this.#cacheReady ??= (async () => {
      await mkdir(this.#options.cacheDir, { recursive: true });
      await symlink(nodeModulesDir(), path.join(this.#options.cacheDir, 'node_modules'), 'dir').catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        },
      );
    })();
    return this.#cacheReady;
  }
}

type FromWorker =
  | { type: 'ready'; parts: ServerBundle['parts'] }
  | { type: 'rendered'; id: number; part?: RenderedPart; error?: string }
  | {
      type: 'fetch';
      id: number;
      render: number;
      url: string;
      method: string;
      headers: Record<string, string>;
      body?: string;
    };

/** One build's worker, as a ServerBundle: each render a message, each of its API calls answered here. */
class WorkerBuild implements ServerBundle {
  readonly parts: ServerBundle['parts'];
  readonly #worker: Worker;
  readonly #timeoutMs: number;
  readonly #renders = new Map<
    number,
    { fetch: typeof fetch; resolve: (part: RenderedPart | undefined) => void; reject: (e: Error) => void }
  >();
  #next = 0;
  #stopped: Error | undefined;

  private constructor(worker: Worker, parts: ServerBundle['parts'], timeoutMs: number) {
    this.#worker = worker;
    this.parts = parts;
    this.#timeoutMs = timeoutMs;
    worker.on('message', (message: FromWorker) => this.#receive(message));
    const stop = (error: Error) => {
      this.#stopped = error;
      for (const render of this.#renders.values()) render.reject(error);
      this.#renders.clear();
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`the build's worker exited (${code})`)));
  }

  static start(file: string, timeoutMs: number): Promise<WorkerBuild> {
    const worker = new Worker(new URL('./render-worker.js', import.meta.url), {
      workerData: { file },
      // Plain JavaScript: not the service's TypeScript loader (a worker would start several times slower).
      execArgv: [],
      // One build's heap is bounded: a leaking or runaway build stops alone.
      resourceLimits: { maxOldGenerationSizeMb: 96 },
    });
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        void worker.terminate();
        reject(new BuildError(502, `the server bundle failed to load: ${error.message}`));
      };
      worker.once('error', failed);
      worker.once('exit', (code) => failed(new Error(`its worker exited (${code})`)));
      worker.once('message', (message: FromWorker) => {
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (message.type !== 'ready') return failed(new Error('it did not say it was ready'));
        resolve(new WorkerBuild(worker, message.parts, timeoutMs));
      });
    });
  }

  render(
    kind: PartKind,
    name: string,
    context: RenderContext,
    attributes: Readonly<Record<string, string>>,
  ): Promise<RenderedPart | undefined> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#next++;
    const rendered = new Promise<RenderedPart | undefined>((resolve, reject) => {
      this.#renders.set(id, { fetch: context.fetch, resolve, reject });
      this.#worker.postMessage({ type: 'render', id, kind, name, url: context.url.href, attributes });
    });
    return withinTime(this.#timeoutMs, () => rendered).finally(() => this.#renders.delete(id));
  }

  /** Renders every part once, as the shell would: the first render of each is several times slower. */
  async warm(fetch: typeof globalThis.fetch): Promise<void> {
    const url = new URL('http://localhost/');
    for (const [kind, names] of [
      ['page', this.parts.pages],
      ['fragment', this.parts.fragments],
    ] as const) {
      for (const name of names) await this.render(kind, name, { url, fetch }, {}).catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }

  #receive(message: FromWorker) {
    if (message.type === 'rendered') {
      const render = this.#renders.get(message.id);
      if (message.error !== undefined) render?.reject(new Error(message.error));
      else render?.resolve(message.part);
    } else if (message.type === 'fetch') {
      void this.#answerFetch(message);
    }
  }

  async #answerFetch(message: Extract<FromWorker, { type: 'fetch' }>) {
    const render = this.#renders.get(message.render);
    try {
      if (!render) throw new Error('the render that asked has ended');
      const response = await render.fetch(message.url, {
        method: message.method,
        headers: message.headers,
        ...(message.body !== undefined ? { body: message.body } : {}),
      });
      this.#worker.postMessage({
        type: 'fetched',
        id: message.id,
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: await response.text(),
      });
    } catch (error) {
      this.#worker.postMessage({ type: 'fetched', id: message.id, error: String(error) });
    }
  }
}

/**
 * Keeps the team's live build loaded on this replica: asks the import map service (through the asset store's
 * origin, which serves it too) every `intervalMs` for the team's live deployment, and loads its renderer when
 * it changes. The deploy itself loads it on one replica before the switch; the others follow within an
 * interval, rather than on a shopper's page (which waits at most its render budget, then renders in the
 * browser). Stops with the returned function.
 */
export function followLive(
  builds: Builds,
  options: { team: string; origin: string; intervalMs?: number; log?: WorkerBuildsOptions['log'] },
): () => void {
  let etag: string | undefined;
  let stopped = false;
  const poll = async () => {
    const response = await fetch(new URL(`/importmap/deployments/${options.team}`, options.origin), {
      headers: etag ? { 'if-none-match': etag } : {},
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 304 || !response.ok) return void (await response.body?.cancel());
    const parsed = TeamDeployments.safeParse(await response.json());
    if (!parsed.success) throw new Error('the import map service answered an unexpected shape');
    const live = parsed.data.live;
    if (live?.server) await builds.get({ build: live.build, ...live.server });
    etag = response.headers.get('etag') ?? undefined;
  };
  const loop = async () => {
    while (!stopped) {
      await poll().catch((error: unknown) => options.log?.warn(`following the live build: ${String(error)}`));
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 2000).unref());
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
