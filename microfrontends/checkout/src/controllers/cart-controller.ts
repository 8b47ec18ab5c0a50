// The cart page: the cart's lines and total, removing a line, and following changes made elsewhere
// (another tab, or an add-to-cart on this page).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart } from '@tractor/shared/contracts/checkout';
import type { CheckoutClient } from '../client/checkout-client.js';
import { announceCart, CartChangesController } from './cart-changes.js';

export type CartState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly cart: Cart }
  | { readonly kind: 'failed'; readonly message: string };

export class CartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #client: CheckoutClient;
  #state: CartState = { kind: 'loading' };
  #problem: string | undefined;
  readonly #removing = new Set<string>();

  constructor(host: ReactiveControllerHost & EventTarget, client: CheckoutClient, target?: EventTarget) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
    new CartChangesController(
      host,
      (quantity) => {
        if (this.#state.kind !== 'ready' || this.#state.cart.quantity !== quantity) void this.load();
      },
      target,
    );
  }

  get state(): CartState {
    return this.#state;
  }

  /** Why the last removal failed, if it did. */
  get problem(): string | undefined {
    return this.#problem;
  }

  isRemoving(sku: string): boolean {
    return this.#removing.has(sku);
  }

  hostConnected() {
    void this.load();
  }

  async load() {
    try {
      this.#state = { kind: 'ready', cart: await this.#client.cart() };
    } catch (error) {
      this.#state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.#host.requestUpdate();
  }

  /** The shopper removed a whole line. */
  async remove(sku: string) {
    this.#removing.add(sku);
    this.#problem = undefined;
    this.#host.requestUpdate();
    try {
      const cart = await this.#client.removeFromCart(sku);
      this.#state = { kind: 'ready', cart };
      announceCart(this.#host, cart.quantity);
    } catch (error) {
      this.#problem = `The tractor could not be removed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.#removing.delete(sku);
      this.#host.requestUpdate();
    }
  }
}
