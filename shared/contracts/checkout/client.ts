// Checkout's typed client: one method per route of Checkout's contract; every answer is parsed with its schema.
import { request, type RequestOptions } from '../http.js';
import { checkoutRoutes as routes, type OrderRequest } from './index.js';

export type ClientOptions = Omit<RequestOptions, 'signal'>;

export class CheckoutClient {
  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.#options = options;
  }

  cart(signal?: AbortSignal) {
    return request(routes.cart, {}, { ...this.#options, signal });
  }

  addToCart(sku: string, signal?: AbortSignal) {
    return request(routes.addToCart, { body: { sku } }, { ...this.#options, signal });
  }

  removeFromCart(sku: string, signal?: AbortSignal) {
    return request(routes.removeFromCart, { params: { sku } }, { ...this.#options, signal });
  }

  offer(sku: string, signal?: AbortSignal) {
    return request(routes.offer, { params: { sku } }, { ...this.#options, signal });
  }

  placeOrder(order: OrderRequest, signal?: AbortSignal) {
    return request(routes.placeOrder, { body: order }, { ...this.#options, signal });
  }
}
