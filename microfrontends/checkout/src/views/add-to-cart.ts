// <checkout-add-to-cart sku="CL-01-GR">: price, stock, and "add to basket". The shopper stays on the page;
// a confirmation links to the basket, a failure says why on the spot. Follows its `sku` attribute.
import { LitElement, css, html, nothing } from 'lit';
import { boundaryStyles, button, buttonStyles, markBoundary } from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { checkoutClient } from '../client/checkout-client.js';
import { AddToCartController } from '../controllers/add-to-cart-controller.js';
import { formatPrice, stockLabel } from '../model/price.js';

export class CheckoutAddToCart extends LitElement {
  static override properties = { sku: { type: String } };

  static override styles = [
    boundaryStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .price {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
      .stock {
        margin: 0 0 0.75rem;
        color: var(--tractor-muted, #5f5f5f);
      }
      .out {
        color: var(--tractor-error, #b42318);
        font-weight: 600;
      }
      .note {
        margin: 0.5rem 0 0;
      }
      .note a {
        color: inherit;
        font-weight: 700;
      }
      .failed {
        color: var(--tractor-error, #b42318);
        font-weight: 600;
      }
      .placeholder {
        display: block;
        height: 1.75rem;
        width: 8rem;
        margin-bottom: 0.25rem;
        border-radius: 0.25rem;
        background: var(--tractor-surface, #f4f2ee);
      }
    `,
  ];

  declare sku: string;

  readonly #controller = new AddToCartController(this, checkoutClient, () => this.sku);
  /**
   * False until this element runs in the page: server-rendered, the button is there before any script, and
   * stays disabled (not silently dead) until a click can do something. The first render in the browser
   * hydrates with it false, like the server's; the next one enables it.
   */
  #live = false;

  constructor() {
    super();
    this.sku = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout');
  }

  protected override firstUpdated() {
    this.#live = true;
    this.requestUpdate();
  }

  #note() {
    const state = this.#controller.state;
    if (state.kind === 'added') {
      return html`<p class="note" role="status">
        Tractor was added. <a href="/checkout/cart">View in basket.</a>
      </p>`;
    }
    if (state.kind === 'failed') {
      return html`<p class="note failed" role="alert">Could not add this tractor: ${state.message}</p>`;
    }
    return nothing;
  }

  override render() {
    const pending = () =>
      html`<span class="placeholder" role="status" aria-label="Loading price"></span>
        <span class="placeholder"></span>`;
    return this.#controller.renderOffer({
      initial: pending,
      pending,
      complete: (offer) =>
        html`<p class="price">${formatPrice(offer.price)}</p>
          <p class="stock ${offer.stock > 0 ? '' : 'out'}">${stockLabel(offer.stock)}</p>
          ${button({
            label: this.#controller.state.kind === 'adding' ? 'adding…' : 'add to basket',
            variant: 'primary',
            disabled: !this.#live || offer.stock === 0 || this.#controller.state.kind === 'adding',
            onClick: () => void this.#controller.add(),
          })}
          ${this.#note()}`,
      error: () =>
        html`<p class="note failed" role="alert">Price and stock cannot be shown right now.</p>
          ${button({ label: 'try again', size: 'small', onClick: () => void this.#controller.retry() })}`,
    });
  }
}

defineElement('checkout-add-to-cart', CheckoutAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-add-to-cart': CheckoutAddToCart;
  }
}
