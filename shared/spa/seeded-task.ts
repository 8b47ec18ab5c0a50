// A @lit/task that can start from a seed (the data the server rendered with): its first render shows the seed
// as complete, on the server and in the browser alike, so hydration matches; it runs only when its arguments
// change after that (a new product id, new SKUs) or on retry. Without a seed it behaves as a plain Task.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type StatusRenderer } from '@lit/task';

export interface SeededTaskOptions<A extends readonly unknown[], T> {
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  args: () => A;
  /** The value to start from, if the host was server-rendered (called once, at the first update or render). */
  seed?: () => T | undefined;
}

export class SeededTask<A extends readonly unknown[], T> implements ReactiveController {
  readonly #task: Task<A, T>;
  readonly #options: SeededTaskOptions<A, T>;
  #seed: { value: T | undefined } | undefined;
  #lastArgs: string | undefined;

  constructor(host: ReactiveControllerHost, options: SeededTaskOptions<A, T>) {
    this.#options = options;
    host.addController(this);
    this.#task = new Task(host, { task: options.task, args: options.args, autoRun: false });
  }

  /** The seed, read once; undefined once the task has run. */
  #seeded(): T | undefined {
    this.#seed ??= { value: this.#options.seed?.() };
    return this.#seed.value;
  }

  hostUpdate() {
    const args = this.#options.args();
    const key = JSON.stringify(args);
    if (key === this.#lastArgs) return;
    const first = this.#lastArgs === undefined;
    this.#lastArgs = key;
    if (first && this.#seeded() !== undefined) return;
    this.#seed = { value: undefined };
    void this.#task.run(args);
  }

  get value(): T | undefined {
    return this.#task.status === TaskStatus.INITIAL ? this.#seeded() : this.#task.value;
  }

  render<R>(renderers: StatusRenderer<T>): R | undefined {
    const seeded = this.#task.status === TaskStatus.INITIAL ? this.#seeded() : undefined;
    if (seeded !== undefined) return renderers.complete?.(seeded) as R;
    return this.#task.render(renderers) as R | undefined;
  }

  retry() {
    this.#seed = { value: undefined };
    return this.#task.run();
  }
}
