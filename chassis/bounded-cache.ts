// The one in-memory cache of the server side: at most `maxEntries` entries, each kept until its time is up
// (or for good), the least recently used dropped first when a new one would not fit. A caller inventing keys
// cannot grow it without bound, and an entry that was just used or refreshed is the last to go.

export interface BoundedCacheOptions<K, V> {
  readonly maxEntries: number;
  /** Called for an entry dropped to make room (not for one that expired, was replaced or deleted). */
  readonly onEvict?: (key: K, value: V) => void;
}

export class BoundedCache<K, V> {
  // A Map iterates in insertion order: re-inserting on every use keeps the least recently used first.
  readonly #entries = new Map<K, { value: V; until: number }>();
  readonly #options: BoundedCacheOptions<K, V>;

  constructor(options: BoundedCacheOptions<K, V>) {
    this.#options = options;
  }

  /** The value, if it is there and its time is not up; it becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.until <= Date.now()) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `keepMs` (for good by default), dropping the least recently used past the bound. */
  set(key: K, value: V, keepMs = Infinity): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, until: Date.now() + keepMs });
    while (this.#entries.size > this.#options.maxEntries) {
      const [oldest, entry] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      this.#options.onEvict?.(oldest, entry.value);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The keys, least recently used first (expired ones included until they are next asked for). */
  keys(): K[] {
    return [...this.#entries.keys()];
  }

  /** Every value held now, without touching their order. */
  values(): V[] {
    return [...this.#entries.values()].map((entry) => entry.value);
  }
}
