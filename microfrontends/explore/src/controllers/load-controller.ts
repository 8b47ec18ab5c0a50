// Data a view needs once, on connect: the home page's teasers, the stores page's stores. Renders the four
// states and can try again after a failure. A server-rendered view starts from the data it was rendered with.
import type { ReactiveControllerHost } from 'lit';
import type { StatusRenderer } from '@lit/task';
import { SeededTask } from '@tractor/shared/spa';

export class LoadController<T> {
  readonly #task: SeededTask<[], T>;

  constructor(
    host: ReactiveControllerHost,
    load: (signal: AbortSignal) => Promise<T>,
    seed?: () => T | undefined,
  ) {
    this.#task = new SeededTask(host, {
      task: (_args, { signal }) => load(signal),
      args: () => [],
      seed: () => {
        const value = seed?.();
        return value === undefined ? undefined : { value, args: [] };
      },
    });
  }

  render(renderers: StatusRenderer<T>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.retry();
  }
}
