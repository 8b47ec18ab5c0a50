// <explore-header>: the shop's header on every page but the checkout form. Holds Checkout's mini cart by
// tag only; it shows once Checkout's module defines <checkout-mini-cart>.
import { LitElement, css, html } from 'lit';
import { boundaryStyles, logo, markBoundary, media } from '@tractor/shared/ui';
import { LocationController, defineElement } from '@tractor/shared/spa';

const links = [
  { href: '/products', label: 'Machines' },
  { href: '/stores', label: 'Stores' },
];

export class ExploreHeader extends LitElement {
  static override styles = [
    boundaryStyles,
    css`
      :host {
        display: block;
        border-bottom: 1px solid var(--tractor-line, #e2dfd8);
        background: var(--tractor-paper, #fff);
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        box-sizing: border-box;
        max-width: 75rem;
        height: 4.5rem;
        margin: 0 auto;
        padding: 0 1rem;
      }
      .logo {
        display: block;
        line-height: 0;
      }
      nav {
        display: flex;
        gap: 1.25rem;
        margin-right: auto;
      }
      nav a {
        color: inherit;
        font-weight: 600;
        text-decoration: none;
        padding: 0.25rem 0;
        border-bottom: 2px solid transparent;
      }
      nav a:hover,
      nav a[aria-current='page'] {
        border-bottom-color: var(--tractor-accent, #f2b705);
      }
      .cart-slot {
        display: block;
        min-width: 3rem;
        height: 3rem;
      }
      /* One row at every width, the mini cart whole: the logo gives way first (smaller, then its tractor only). */
      @media ${media.phone} {
        header {
          gap: 0.75rem;
        }
        nav {
          gap: 1rem;
        }
        .logo svg {
          width: 6rem;
          height: auto;
        }
      }
      @media ${media.smallPhone} {
        header {
          gap: 0.5rem;
          padding: 0 0.75rem;
        }
        .logo {
          flex: none;
          width: 2.5rem;
          overflow: hidden;
        }
        .logo svg {
          width: 11.25rem;
        }
      }
    `,
  ];

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
