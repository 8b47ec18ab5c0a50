// A @lit/task that can start from a seed (the data the server rendered with, and the arguments it was for): its
// first render shows the seed as complete — or, for a seed that is an error (the server rendered the error's
// view, e.g. "not found"), as failed with that error — on the server and in the browser alike, so hydration
// matches and nothing is fetched. It runs when its arguments change after that (a new product id, new SKUs) or
// on retry — and right after that first render if the arguments already differ from the seed's (the shopper
// moved on before the page's scripts arrived). Without a seed it behaves as a plain Task.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type StatusRenderer } from '@lit/task';

/** What a server-rendered host was rendered from: the task's value, or the error it showed; and their arguments. */
export type TaskSeed<A extends readonly unknown[], T> =
  { readonly value: T; readonly args: A } | { readonly error: unknown; readonly args: A };

export interface SeededTaskOptions<A extends readonly unknown[], T> {
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  args: () => A;
  /**
   * What to start from, if the host was server-rendered: the value or the error, and the arguments it is for
   * (called once, at the first update or render).
   */
  seed?: () => TaskSeed<A, T> | undefined;
}

/** A seed as the first render shows it. */
type Outcome<T> = { readonly value: T } | { readonly error: unknown };

/** No outcome for no seed, or a seed without a value. */
function outcomeOf<T>(seed: TaskSeed<readonly unknown[], T> | undefined): Outcome<T> | undefined {
  if (!seed) return undefined;
  if ('error' in seed) return { error: seed.error };
  return seed.value === undefined ? undefined : { value: seed.value };
}

export class SeededTask<A extends readonly unknown[], T> implements ReactiveController {
  readonly #task: Task<A, T>;
  readonly #options: SeededTaskOptions<A, T>;
  /** Not read yet (undefined), none or no longer (null), or what the first render shows. */
  #seed: Outcome<T> | null | undefined;
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
  #seeded(): Outcome<T> | undefined {
    if (this.#seed === undefined) {
      const seed = this.#options.seed?.();
      this.#seed = outcomeOf(seed) ?? null;
      this.#seedArgs = seed && JSON.stringify(seed.args);
    }
    return this.#seed ?? undefined;
  }

  hostUpdate() {
    const args = this.#options.args();
    const key = JSON.stringify(args);
    if (key === this.#lastArgs) return;
    const first = this.#lastArgs === undefined;
    this.#lastArgs = key;
    if (first && this.#seeded()) {
      if (this.#seedArgs !== key) this.#afterFirstRender = args;
      return;
    }
    this.#seed = null;
    void this.#task.run(args);
  }

  hostUpdated() {
    const args = this.#afterFirstRender;
    if (!args) return;
    this.#afterFirstRender = undefined;
    this.#seed = null;
    void this.#task.run(args);
  }

  get value(): T | undefined {
    if (this.#task.status !== TaskStatus.INITIAL) return this.#task.value;
    const seeded = this.#seeded();
    return seeded && 'value' in seeded ? seeded.value : undefined;
  }

  render<R>(renderers: StatusRenderer<T>): R | undefined {
    const seeded = this.#task.status === TaskStatus.INITIAL ? this.#seeded() : undefined;
    if (seeded && 'error' in seeded) return renderers.error?.(seeded.error) as R;
    if (seeded) return renderers.complete?.(seeded.value) as R;
    return this.#task.render(renderers) as R | undefined;
  }

  retry() {
    this.#seed = null;
    return this.#task.run();
  }
}
