// The cart page: the cart's lines and total (a @lit/task, cancelled with its AbortSignal when a newer load
// starts), removing a line, and following changes made elsewhere (another tab, or an add-to-cart on this page).
import type { ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';
import type { Cart } from '@tractor/shared/contracts/checkout';
import type { CheckoutClient } from '../client/checkout-client.js';
import { announceCart, CartChangesController } from './cart-changes.js';
import { messageOf } from './errors.js';

export class CartController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #client: CheckoutClient;
  readonly #task: Task<[number], Cart>;
  /** Bumped to load again: the task runs whenever its argument changes. */
  #loads = 0;
  /** The cart a removal answered with, until the next load. */
  #removed: Cart | undefined;
  #problem: string | undefined;
  readonly #removing = new Set<string>();

  constructor(host: ReactiveControllerHost & EventTarget, client: CheckoutClient, target?: EventTarget) {
    this.#host = host;
    this.#client = client;
    this.#task = new Task(host, {
      task: async (_load, { signal }) => {
        this.#removed = undefined;
        return this.#client.cart(signal);
      },
      args: () => [this.#loads],
    });
    new CartChangesController(
      host,
      (quantity) => {
        if (this.cart?.quantity !== quantity) this.load();
      },
      target,
    );
  }

  /** The cart as last known: from a removal, or from the last load. */
  get cart(): Cart | undefined {
    return this.#removed ?? this.#task.value;
  }

  /** Why the last removal failed, if it did. */
  get problem(): string | undefined {
    return this.#problem;
  }

  isRemoving(sku: string): boolean {
    return this.#removing.has(sku);
  }

  /** The four states of the cart, with the latest cart once there is one. */
  render(renderers: StatusRenderer<Cart>) {
    const removed = this.#removed;
    return removed && renderers.complete ? renderers.complete(removed) : this.#task.render(renderers);
  }

  /** Loads the cart again (a newer load cancels the one in flight). */
  load() {
    this.#loads += 1;
    this.#host.requestUpdate();
  }

  /** Loads again after a failure. */
  retry() {
    return this.#task.run();
  }

  /** The shopper removed a whole line. */
  async remove(sku: string) {
    this.#removing.add(sku);
    this.#problem = undefined;
    this.#host.requestUpdate();
    try {
      const cart = await this.#client.removeFromCart(sku);
      this.#removed = cart;
      announceCart(this.#host, cart.quantity);
    } catch (error) {
      this.#problem = `The tractor could not be removed: ${messageOf(error)}`;
    } finally {
      this.#removing.delete(sku);
      this.#host.requestUpdate();
    }
  }
}
