import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, type StatusRenderer } from '@lit/task';
import type { Cart } from '@tractor/shared/contracts/checkout';
import type { CheckoutClient } from '../client/checkout-client.js';
import { announceCart } from '../model/cart-changes.js';
import { messageOf } from '../model/errors.js';
import { CartChangesController } from './cart-changes-controller.js';

/**
 * The cart page's cart: its lines and total, loaded at the host's first update and again at the update after
 * load() (a @lit/task: a newer load cancels the one in flight through its AbortSignal); removing a line; and
 * following changes made elsewhere (another tab, or an add to cart on this page). The cart page is rendered in
 * the browser only, so there is no seed to start from.
 */
export class CartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #client: CheckoutClient;
  readonly #task: Task<[], Cart>;
  /** A load was asked for (the first one from the start): it runs at the host's next update. */
  #loadAsked = true;
  /** The cart a removal answered with, until the next load. */
  #removed: Cart | undefined;
  #problem: string | undefined;
  readonly #removing = new Set<string>();

  constructor(host: ReactiveControllerHost & EventTarget, client: CheckoutClient, target?: EventTarget) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
    this.#task = new Task(host, {
      task: async (_args, { signal }) => {
        this.#removed = undefined;
        return this.#client.cart(signal);
      },
      args: () => [],
      autoRun: false,
    });
    new CartChangesController(
      host,
      (quantity) => {
        if (this.cart?.quantity !== quantity) this.load();
      },
      target,
    );
  }

  hostUpdate() {
    if (!this.#loadAsked) return;
    this.#loadAsked = false;
    void this.#task.run();
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

  /** Loads the cart again, at the host's next update (a newer load cancels the one in flight). */
  load() {
    this.#loadAsked = true;
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
