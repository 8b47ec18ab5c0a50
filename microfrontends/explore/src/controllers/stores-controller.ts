// The stores page's data: every store.
import type { ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';
import type { Store } from '@tractor/shared/contracts/explore';
import type { ExploreClient } from '../client/explore-client.js';

export class StoresController {
  readonly #task: Task<[], readonly Store[]>;

  constructor(host: ReactiveControllerHost, client: ExploreClient) {
    this.#task = new Task(host, {
      task: async (_args, { signal }) => (await client.stores(signal)).stores,
      args: () => [],
    });
  }

  render(renderers: StatusRenderer<readonly Store[]>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.run();
  }
}
