// A @lit/task that can start from a seed (the data the server rendered with, and the arguments it was for): its
// first render shows the seed as complete, on the server and in the browser alike, so hydration matches. It
// runs when its arguments change after that (a new product id, new SKUs) or on retry — and right after that
// first render if the arguments already differ from the seed's (the shopper moved on before the page's
// scripts arrived). Without a seed it behaves as a plain Task.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type StatusRenderer } from '@lit/task';

export interface SeededTaskOptions<A extends readonly unknown[], T> {
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  args: () => A;
  /**
   * What to start from, if the host was server-rendered: the value and the arguments it is for (called once,
   * at the first update or render).
   */
  seed?: () => { readonly value: T; readonly args: A } | undefined;
}

export class SeededTask<A extends readonly unknown[], T> implements ReactiveController {
  readonly #task: Task<A, T>;
  readonly #options: SeededTaskOptions<A, T>;
  #seed: { value: T | undefined } | undefined;
  #seedArgs: string | undefined;
  #lastArgs: string | undefined;
  /** Arguments to run with once the seed's render (the hydration) is done. */
  #afterFirstRender: A | undefined;

  constructor(host: ReactiveControllerHost, options: SeededTaskOptions<A, T>) {
    this.#options = options;
    host.addController(this);
    this.#task = new Task(host, { task: options.task, args: options.args, autoRun: false });
  }

  /** The seed, read once; undefined once the task has run. */
  #seeded(): T | undefined {
    if (!this.#seed) {
      const seed = this.#options.seed?.();
      this.#seed = { value: seed?.value };
      this.#seedArgs = seed && JSON.stringify(seed.args);
    }
    return this.#seed.value;
  }

  hostUpdate() {
    const args = this.#options.args();
    const key = JSON.stringify(args);
    if (key === this.#lastArgs) return;
    const first = this.#lastArgs === undefined;
    this.#lastArgs = key;
    if (first && this.#seeded() !== undefined) {
      if (this.#seedArgs !== key) this.#afterFirstRender = args;
      return;
    }
    this.#seed = { value: undefined };
    void this.#task.run(args);
  }

  hostUpdated() {
    const args = this.#afterFirstRender;
    if (!args) return;
    this.#afterFirstRender = undefined;
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
