// The store picker's state: the stores to choose from and the one chosen. Plain TypeScript, one
// "change" event per change; the element renders it and announces the choice to the host page.
import type { Store } from '@tractor/shared/contracts/explore';

export class StorePicker extends EventTarget {
  #stores: readonly Store[] = [];
  #chosen: Store | undefined;

  get stores(): readonly Store[] {
    return this.#stores;
  }

  get chosen(): Store | undefined {
    return this.#chosen;
  }

  /** The stores arrived (or changed): a chosen store that is no longer listed is forgotten. */
  showStores(stores: readonly Store[]) {
    this.#stores = stores;
    if (this.#chosen && !stores.some((s) => s.id === this.#chosen?.id)) this.#chosen = undefined;
    this.#changed();
  }

  /** The shopper chose a store. Returns it; an id that is not listed is an error, not a silent no-op. */
  choose(id: string): Store {
    const store = this.#stores.find((s) => s.id === id);
    if (!store) throw new Error(`There is no store ${id} to choose.`);
    this.#chosen = store;
    this.#changed();
    return store;
  }

  #changed() {
    this.dispatchEvent(new Event('change'));
  }
}
