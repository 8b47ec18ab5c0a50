import type { ReactiveControllerHost } from 'lit';
import { SeededTask } from '@tractor/shared/spa';

/**
 * Data a view loads once, at its first update, and never again on an update: the home page's teasers, the
 * stores page's stores. A SeededTask without arguments, whose seed is the data itself: a server-rendered view
 * starts from the data it was rendered with. It renders the four states and can try again after a failure.
 */
export class LoadController<T> extends SeededTask<[], T> {
  constructor(
    host: ReactiveControllerHost,
    load: (signal: AbortSignal) => Promise<T>,
    seed?: () => T | undefined,
  ) {
    super(host, {
      task: (_args, { signal }) => load(signal),
      args: () => [],
      seed: () => {
        const value = seed?.();
        return value === undefined ? undefined : { value, args: [] };
      },
    });
  }
}
