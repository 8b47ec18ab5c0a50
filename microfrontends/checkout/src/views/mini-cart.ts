// <checkout-mini-cart>: a link to the basket with a bag and the number of units (empty when 0). Every change
// plays a short bounce, also when the cart changed in another tab.
import { LitElement, html, nothing, svg } from 'lit';
import { boundaryStyles, markBoundary } from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { checkoutClient } from '../client/checkout-client.js';
import { MiniCartController } from '../controllers/mini-cart-controller.js';
import { miniCartStyles } from './mini-cart.styles.js';

const bag = svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor"
  stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M5 8h14l-1 12H6z"/><path d="M9 8V6a3 3 0 0 1 6 0v2"/></svg>`;

const BOUNCE: Keyframe[] = [
  { transform: 'scale(1) rotate(0)' },
  { transform: 'scale(1.25) rotate(-10deg)' },
  { transform: 'scale(0.95) rotate(8deg)' },
  { transform: 'scale(1.1) rotate(-4deg)' },
  { transform: 'scale(1) rotate(0)' },
];

export class CheckoutMiniCart extends LitElement {
  static override styles = [boundaryStyles, miniCartStyles];

  readonly #cart = new MiniCartController(this, checkoutClient);
  #shownChanges = 0;

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout');
  }

  override render() {
    const quantity = this.#cart.quantity;
    const label = quantity ? `Basket, ${quantity} ${quantity === 1 ? 'tractor' : 'tractors'}` : 'Basket';
    return html`<a href="/checkout/cart" aria-label=${label}
      >${bag}<span class="badge" aria-hidden="true">${quantity || nothing}</span></a
    >`;
  }

  protected override updated() {
    if (this.#cart.changes === this.#shownChanges) return;
    this.#shownChanges = this.#cart.changes;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    this.renderRoot.querySelector('a')?.animate(BOUNCE, { duration: 600, easing: 'ease-out' });
  }
}

defineElement('checkout-mini-cart', CheckoutMiniCart);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-mini-cart': CheckoutMiniCart;
  }
}
