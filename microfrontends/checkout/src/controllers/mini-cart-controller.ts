import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readSeed } from '@tractor/shared/spa';
import type { CheckoutClient } from '../client/checkout-client.js';
import { CartChangesController } from './cart-changes-controller.js';

/**
 * The mini cart's number: loaded when the host connects (or given by the server, which rendered it with the
 * shopper's cookie: its seed), then kept up to date by cart changes in this tab and in others.
 */
export class MiniCartController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: CheckoutClient;
  #quantity: number | undefined;
  #known = false;
  #changes = 0;

  constructor(host: ReactiveControllerHost, client: CheckoutClient, target?: EventTarget) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
    new CartChangesController(host, (quantity) => this.#show(quantity, true), target);
  }

  /** Units in the cart; undefined until known. Until then, what the server rendered (its seed). */
  get quantity(): number | undefined {
    return this.#known ? this.#quantity : readSeed<number>(this.#host);
  }

  /** How many times the number changed since the page loaded: the view plays its highlight on each. */
  get changes(): number {
    return this.#changes;
  }

  hostConnected() {
    const seeded = this.#known ? undefined : readSeed<number>(this.#host);
    if (seeded !== undefined) {
      this.#known = true;
      this.#quantity = seeded;
      return;
    }
    this.#client.cart().then(
      (cart) => this.#show(cart.quantity, false),
      () => this.#show(undefined, false), // unknown: the badge stays empty, the link still works
    );
  }

  #show(quantity: number | undefined, highlight: boolean) {
    this.#known = true;
    if (quantity === this.#quantity) return;
    this.#quantity = quantity;
    if (highlight) this.#changes++;
    this.#host.requestUpdate();
  }
}
