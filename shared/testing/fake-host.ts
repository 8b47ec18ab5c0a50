// A stand-in for a LitElement when testing a ReactiveController in Node: it keeps the controllers, runs
// their update hooks whenever an update is requested (as Lit does, one microtask later), and records events.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FakeHost extends EventTarget implements ReactiveControllerHost {
  readonly controllers = new Set<ReactiveController>();
  readonly events: Event[] = [];
  updateCount = 0;
  #pending = false;

  addController(controller: ReactiveController) {
    this.controllers.add(controller);
  }

  removeController(controller: ReactiveController) {
    this.controllers.delete(controller);
  }

  requestUpdate() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.updateCount++;
      for (const c of this.controllers) c.hostUpdate?.();
      for (const c of this.controllers) c.hostUpdated?.();
    });
  }

  get updateComplete(): Promise<boolean> {
    return new Promise((resolve) => setTimeout(() => resolve(true)));
  }

  /** As if the element was added to the page: hostConnected, then a first update. */
  connect() {
    for (const c of this.controllers) c.hostConnected?.();
    this.requestUpdate();
  }

  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }

  override dispatchEvent(event: Event): boolean {
    this.events.push(event);
    return super.dispatchEvent(event);
  }
}

/** Waits until `check` returns something other than undefined (async work and updates settle). */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('eventually: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
