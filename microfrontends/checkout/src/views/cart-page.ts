// <checkout-cart-page>: /checkout/cart — the basket's lines, the total, and recommendations for what is in it.
import { LitElement, css, html, nothing } from 'lit';
import {
  boundaryStyles,
  button,
  buttonStyles,
  failure,
  linkButton,
  markBoundary,
  media,
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

export class CheckoutCartPage extends LitElement {
  static override styles = [
    boundaryStyles,
    buttonStyles,
    pageStyles,
    stateStyles,
    checkoutPageStyles,
    css`
      .lines {
        margin: 0;
        padding: 0;
        list-style: none;
        border-top: 1px solid var(--tractor-line, #e2dfd8);
      }
      .line {
        display: grid;
        grid-template-columns: 7.5rem 1fr auto auto auto;
        align-items: center;
        gap: 1rem;
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--tractor-line, #e2dfd8);
      }
      .line img {
        display: block;
        width: 7.5rem;
        height: auto;
        aspect-ratio: 4 / 3;
        border-radius: 0.375rem;
      }
      .name {
        color: inherit;
        font-weight: 700;
      }
      .sku,
      .quantity {
        color: var(--tractor-muted, #5f5f5f);
      }
      .line-total {
        min-width: 6rem;
        font-weight: 700;
        text-align: right;
      }
      .total {
        margin: 1rem 0 0;
        font-size: 1.25rem;
        font-weight: 700;
        text-align: right;
      }
      .placeholder {
        height: 12rem;
        border-radius: 0.5rem;
        background: var(--tractor-surface, #f4f2ee);
      }
      /* A phone: the picture beside two rows — what it is and "remove", then how many and the line's total. */
      @media ${media.tablet} {
        .line {
          grid-template-columns: 5rem minmax(0, 1fr) auto;
          grid-template-areas:
            'picture what remove'
            'picture quantity total';
          gap: 0.25rem 0.75rem;
        }
        .line img {
          width: 5rem;
        }
        .picture {
          grid-area: picture;
          align-self: start;
        }
        .what {
          grid-area: what;
        }
        .quantity {
          grid-area: quantity;
        }
        .quantity::before {
          content: 'Qty ';
        }
        .line-total {
          grid-area: total;
          min-width: 0;
        }
        .remove {
          grid-area: remove;
          justify-self: end;
        }
      }
    `,
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
