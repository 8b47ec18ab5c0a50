// <checkout-compact-header>: the checkout form's header — the logo only, no navigation, no mini cart.
import { LitElement, css, html } from 'lit';
import { boundaryStyles, logo, markBoundary } from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';

export class CheckoutCompactHeader extends LitElement {
  static override styles = [
    boundaryStyles,
    css`
      :host {
        display: block;
        border-bottom: 1px solid var(--tractor-line, #e2dfd8);
      }
      header {
        display: flex;
        align-items: center;
        box-sizing: border-box;
        max-width: 75rem;
        height: 4.5rem;
        margin: 0 auto;
        padding: 0 1rem;
      }
      a {
        line-height: 0;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout');
  }

  override render() {
    return html`<header>
      <a href="/">${logo('The Tractor Store — home')}</a>
    </header>`;
  }
}

defineElement('checkout-compact-header', CheckoutCompactHeader);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-compact-header': CheckoutCompactHeader;
  }
}
