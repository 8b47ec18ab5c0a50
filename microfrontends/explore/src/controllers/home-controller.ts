// The home page's data: the teasers.
import type { ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';
import type { Teaser } from '@tractor/shared/contracts/explore';
import type { ExploreClient } from '../client/explore-client.js';

export class HomeController {
  readonly #task: Task<[], readonly Teaser[]>;

  constructor(host: ReactiveControllerHost, client: ExploreClient) {
    this.#task = new Task(host, {
      task: async (_args, { signal }) => (await client.home(signal)).teasers,
      args: () => [],
    });
  }

  render(renderers: StatusRenderer<readonly Teaser[]>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.run();
  }
}
