// <checkout-cart-page>: /checkout/cart — the basket's lines, the total, and recommendations for what is in it.
import { LitElement, html, nothing } from 'lit';
import {
  boundaryStyles,
  button,
  buttonStyles,
  failure,
  linkButton,
  markBoundary,
  pageStyles,
  PICTURE_SIZES,
  srcset,
  stateStyles,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import type { Cart } from '@tractor/shared/contracts/checkout';
import { checkoutClient } from '../client/checkout-client.js';
import { CartController } from '../controllers/cart-controller.js';
import { formatPrice } from '../model/price.js';
import { checkoutPageStyles } from './styles.js';
import { cartPageStyles } from './cart-page.styles.js';

export class CheckoutCartPage extends LitElement {
  static override styles = [
    boundaryStyles,
    buttonStyles,
    pageStyles,
    stateStyles,
    checkoutPageStyles,
    cartPageStyles,
  ];

  readonly #cart = new CartController(this, checkoutClient);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout', 'page');
  }

  #lines(cart: Cart) {
    if (cart.lines.length === 0) return html`<p>Your basket is empty.</p>`;
    return html`<ul class="lines">
      ${cart.lines.map(
        (line) =>
          html`<li class="line">
            <a class="picture" href=${line.url} tabindex="-1" aria-hidden="true"
              ><img
                src=${line.image}
                srcset=${srcset(line.image)}
                sizes=${PICTURE_SIZES.thumb}
                alt=""
                width="400"
                height="300"
            /></a>
            <div class="what">
              <a class="name" href=${line.url}>${line.name}</a>
              <div class="sku">${line.sku}</div>
            </div>
            <div class="quantity" aria-label="Quantity">${line.quantity}</div>
            <div class="line-total">${formatPrice(line.lineTotal)}</div>
            <span class="remove"
              >${button({
                label: 'remove',
                size: 'small',
                title: `Remove ${line.name} from cart`,
                disabled: this.#cart.isRemoving(line.sku),
                onClick: () => void this.#cart.remove(line.sku),
              })}</span
            >
          </li>`,
      )}
    </ul>`;
  }

  // One heading for every state: the same element stays when the basket arrives, so focus on it stays too.
  override render() {
    return html`<h1>Basket</h1>
      ${this.#content()}`;
  }

  #content() {
    return this.#cart.render({
      initial: () => this.#pending(),
      pending: () => (this.#cart.cart ? this.#basket(this.#cart.cart) : this.#pending()),
      complete: (cart) => this.#basket(cart),
      error: () => failure('The basket', () => this.#cart.retry()),
    });
  }

  #pending() {
    return html`<div class="placeholder" role="status" aria-label="Loading the basket"></div>`;
  }

  #basket(cart: Cart) {
    return html`${this.#lines(cart)}
      ${this.#cart.problem ? html`<p class="problem" role="alert">${this.#cart.problem}</p>` : nothing}
      <p class="total">Total: ${formatPrice(cart.total)}</p>
      <div class="actions">
        ${linkButton({ label: 'Checkout', href: '/checkout/checkout', variant: 'primary' })}
        ${linkButton({ label: 'Continue Shopping', href: '/' })}
      </div>
      <inspire-recommendations skus=${cart.lines.map((l) => l.sku).join(',')}></inspire-recommendations>`;
  }
}

defineElement('checkout-cart-page', CheckoutCartPage);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-cart-page': CheckoutCartPage;
  }
}
