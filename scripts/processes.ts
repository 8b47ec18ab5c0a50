// The store's processes, supervised: each one's output prefixed with its name; one that exits on its own is
// started again after a backoff (1 s, doubling up to 30 s; back to 1 s once it has run for a minute), and says
// so. `npm start` and `npm run start:prod` run everything through one of these; Ctrl-C stops them all.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Start it again when it exits on its own (default true). */
  readonly restart?: boolean;
}

export interface Supervised {
  readonly name: string;
  /** The running process (a new one after each restart). */
  readonly current: ChildProcess;
  /** How many times it was started again. */
  readonly restarts: number;
}

const prefix = (name: string, chunk: Buffer) =>
  chunk
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => `[${name}] ${line}\n`)
    .join('');

export class Processes {
  readonly #running = new Set<ChildProcess>();
  #stopping = false;

  get stopping(): boolean {
    return this.#stopping;
  }

  start(name: string, command: string, args: readonly string[], options: ProcessOptions): Supervised {
    let backoff = 1000;
    const supervised = { name, current: undefined as unknown as ChildProcess, restarts: -1 };
    const launch = () => {
      supervised.restarts++;
      const startedAt = Date.now();
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(name, chunk)));
      child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(name, chunk)));
      this.#running.add(child);
      supervised.current = child;
      child.on('exit', (code, signal) => {
        this.#running.delete(child);
        if (this.#stopping) return;
        const how = signal ?? `exit code ${code}`;
        if (options.restart === false) {
          console.error(`[${name}] stopped (${how}); the store keeps running without it.`);
          return;
        }
        if (Date.now() - startedAt > 60_000) backoff = 1000;
        console.error(`[${name}] stopped (${how}); starting it again in ${backoff / 1000} s.`);
        setTimeout(() => {
          if (!this.#stopping) launch();
        }, backoff).unref();
        backoff = Math.min(backoff * 2, 30_000);
      });
    };
    launch();
    return supervised;
  }

  /** SIGTERM to every process; resolves when all have exited (or after `timeoutMs`). */
  async stopAll(timeoutMs = 5000): Promise<void> {
    this.#stopping = true;
    const exited = [...this.#running].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of this.#running) child.kill('SIGTERM');
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}

/** Waits until `url` answers 2xx; fails if the process gives up (and is not being restarted) first. */
export async function waitForHealth(what: string, url: string, supervised: Supervised, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (supervised.restarts >= 2) throw new Error(`${what} keeps exiting before it is ready.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `${what} was not ready within ${timeoutMs / 1000} s (${url}; pid ${supervised.current.pid}).`,
  );
}
