// Data a view needs once, on connect: the home page's teasers, the stores page's stores. Renders the four
// states through @lit/task and can try again after a failure.
import type { ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';

export class LoadController<T> {
  readonly #task: Task<[], T>;

  constructor(host: ReactiveControllerHost, load: (signal: AbortSignal) => Promise<T>) {
    this.#task = new Task(host, { task: (_args, { signal }) => load(signal), args: () => [] });
  }

  render(renderers: StatusRenderer<T>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.run();
  }
}
