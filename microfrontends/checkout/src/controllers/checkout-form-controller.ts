import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { STORE_SELECTED, type TractorEvents } from '@tractor/shared/events';
import type { CheckoutClient } from '../client/checkout-client.js';
import { CheckoutForm, type Field } from '../model/checkout-form.js';
import { announceCart } from '../model/cart-changes.js';
import { messageOf } from '../model/errors.js';

export const THANKS_URL = '/checkout/thanks';

/**
 * The checkout form: the CheckoutForm model (the host renders again on each change), the store chosen in
 * Explore's store picker (the event `explore:store-selected` bubbling up from it to the host), and placing the
 * order, then going to the thanks page.
 */
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

  /** The shopper typed into a field: the model takes it, the host shows what is now wrong or complete. */
  enter(field: Exclude<Field, 'storeId'>, value: string) {
    this.form.enter(field, value);
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
      this.#problem = messageOf(error);
    } finally {
      this.#placing = false;
      this.#update();
    }
  }

  readonly #storeSelected = (event: Event) =>
    this.form.chooseStore((event as TractorEvents[typeof STORE_SELECTED]).detail);

  readonly #update = () => this.#host.requestUpdate();
}
