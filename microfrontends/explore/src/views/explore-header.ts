// <explore-header>: the shop's header on every page but the checkout form. Holds Checkout's mini cart by
// tag only; it shows once Checkout's module defines <checkout-mini-cart>.
import { LitElement, html } from 'lit';
import { boundaryStyles, logo, markBoundary } from '@tractor/shared/ui';
import { LocationController, defineElement } from '@tractor/shared/spa';
import { exploreHeaderStyles } from './explore-header.styles.js';

const links = [
  { href: '/products', label: 'Machines' },
  { href: '/stores', label: 'Stores' },
];

export class ExploreHeader extends LitElement {
  static override styles = [boundaryStyles, exploreHeaderStyles];

  readonly #location = new LocationController(this);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore');
  }

  override render() {
    const path = this.#location.url.pathname;
    return html`<header>
      <a class="logo" href="/">${logo('The Tractor Store — home')}</a>
      <nav aria-label="Main">
        ${links.map(
          (link) =>
            html`<a href=${link.href} aria-current=${path.startsWith(link.href) ? 'page' : 'false'}
              >${link.label}</a
            >`,
        )}
      </nav>
      <span class="cart-slot"><checkout-mini-cart></checkout-mini-cart></span>
    </header>`;
  }
}

defineElement('explore-header', ExploreHeader);

declare global {
  interface HTMLElementTagNameMap {
    'explore-header': ExploreHeader;
  }
}
