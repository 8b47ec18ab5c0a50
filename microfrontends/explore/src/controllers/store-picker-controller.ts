import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';
import type { Store } from '@tractor/shared/contracts/explore';
import { storeSelected } from '@tractor/shared/events';
import type { ExploreClient } from '../client/explore-client.js';
import { StorePicker } from '../model/store-picker.js';

/**
 * The store picker: loads the stores into the StorePicker model, re-renders its host on every change of it,
 * and tells the host page which store was chosen with `explore:store-selected` (bubbles out of shadow roots).
 */
export class StorePickerController implements ReactiveController {
  readonly picker = new StorePicker();
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #task: Task<[], readonly Store[]>;

  constructor(host: ReactiveControllerHost & EventTarget, client: ExploreClient) {
    this.#host = host;
    host.addController(this);
    this.#task = new Task(host, {
      task: async (_args, { signal }) => {
        const { stores } = await client.stores(signal);
        this.picker.showStores(stores);
        return stores;
      },
      args: () => [],
    });
  }

  hostConnected() {
    this.picker.addEventListener('change', this.#changed);
  }

  hostDisconnected() {
    this.picker.removeEventListener('change', this.#changed);
  }

  /** The shopper chose a store: remember it and announce it to the page. */
  choose(id: string): Store {
    const store = this.picker.choose(id);
    this.#host.dispatchEvent(storeSelected(store.id));
    return store;
  }

  renderStores(renderers: StatusRenderer<readonly Store[]>) {
    return this.#task.render(renderers);
  }

  retry() {
    return this.#task.run();
  }

  readonly #changed = () => this.#host.requestUpdate();
}
