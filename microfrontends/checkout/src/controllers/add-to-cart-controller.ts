import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StatusRenderer } from '@lit/task';
import type { Offer } from '@tractor/shared/contracts/checkout';
import { SeededTask, readSeed } from '@tractor/shared/spa';
import type { CheckoutClient } from '../client/checkout-client.js';
import { announceCart } from '../model/cart-changes.js';
import { messageOf } from '../model/errors.js';

export type AddState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'adding' }
  | { readonly kind: 'added' }
  | { readonly kind: 'failed'; readonly message: string };

const IDLE: AddState = { kind: 'idle' };

/**
 * Add to cart for one SKU: what it costs and how many are left (a SeededTask: server-rendered, it starts from
 * the offer the fragment was rendered with; asked again when the SKU changes), and the state of the shopper's
 * "add to basket": adding, added, or failed with a reason.
 */
export class AddToCartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #client: CheckoutClient;
  readonly #sku: () => string;
  readonly #offer: SeededTask<[string], Offer>;
  #state: AddState = IDLE;
  #stateSku = '';

  constructor(host: ReactiveControllerHost & EventTarget, client: CheckoutClient, sku: () => string) {
    this.#host = host;
    this.#client = client;
    this.#sku = sku;
    host.addController(this);
    this.#offer = new SeededTask(host, {
      task: ([key], { signal }) => client.offer(key, signal),
      args: () => [this.#sku()],
      // Server-rendered: the offer the fragment was rendered with, if it is for this SKU.
      seed: () => {
        const offer = readSeed<Offer>(host);
        return offer && { value: offer, args: [offer.sku] };
      },
    });
  }

  hostConnected() {}

  /** The add state belongs to one SKU: another SKU starts fresh. */
  get state(): AddState {
    return this.#stateSku === this.#sku() ? this.#state : IDLE;
  }

  renderOffer(renderers: StatusRenderer<Offer>) {
    return this.#offer.render(renderers);
  }

  retry() {
    return this.#offer.retry();
  }

  /** The shopper clicked "add to basket": one more unit of this SKU. */
  async add() {
    const sku = this.#sku();
    if (this.state.kind === 'adding') return;
    this.#set(sku, { kind: 'adding' });
    try {
      const cart = await this.#client.addToCart(sku);
      this.#set(sku, { kind: 'added' });
      announceCart(this.#host, cart.quantity);
    } catch (error) {
      this.#set(sku, { kind: 'failed', message: messageOf(error) });
    }
  }

  #set(sku: string, state: AddState) {
    this.#stateSku = sku;
    this.#state = state;
    this.#host.requestUpdate();
  }
}
