// The checkout form: the CheckoutForm model, the store chosen in Explore's store picker (the event
// `explore:store-selected` bubbling up from it), and placing the order.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { STORE_SELECTED, type TractorEvents } from '@tractor/shared/events';
import type { CheckoutClient } from '../client/checkout-client.js';
import { CheckoutForm } from '../model/checkout-form.js';
import { announceCart } from './cart-changes.js';

export const THANKS_URL = '/checkout/thanks';

export class CheckoutFormController implements ReactiveController {
  readonly form = new CheckoutForm();
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #client: CheckoutClient;
  readonly #navigate: (url: string) => void;
  #placing = false;
  #problem: string | undefined;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    client: CheckoutClient,
    navigate: (url: string) => void,
  ) {
    this.#host = host;
    this.#client = client;
    this.#navigate = navigate;
    host.addController(this);
  }

  get placing(): boolean {
    return this.#placing;
  }

  /** Why the last attempt to place the order failed, if it did. */
  get problem(): string | undefined {
    return this.#problem;
  }

  hostConnected() {
    this.form.addEventListener('change', this.#update);
    this.#host.addEventListener(STORE_SELECTED, this.#storeSelected);
  }

  hostDisconnected() {
    this.form.removeEventListener('change', this.#update);
    this.#host.removeEventListener(STORE_SELECTED, this.#storeSelected);
  }

  /** The shopper pressed "place order". */
  async placeOrder() {
    const order = this.form.order;
    if (!order || this.#placing) return;
    this.#placing = true;
    this.#problem = undefined;
    this.#update();
    try {
      await this.#client.placeOrder(order);
      announceCart(this.#host, 0);
      this.#navigate(THANKS_URL);
    } catch (error) {
      this.#problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.#placing = false;
      this.#update();
    }
  }

  readonly #storeSelected = (event: Event) =>
    this.form.chooseStore((event as TractorEvents[typeof STORE_SELECTED]).detail);

  readonly #update = () => this.#host.requestUpdate();
}
