// <decide-product-page>: /product/:id?sku= — the selected variant's picture, name, highlights, the variant list,
// Checkout's <checkout-add-to-cart> and Inspire's <inspire-recommendations> for the selected SKU.
import { LitElement, html } from 'lit';
import {
  boundaryStyles,
  button,
  buttonStyles,
  markBoundary,
  pageStyles,
  PICTURE_SIZES,
  srcset,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { decideClient } from '../client/decide-client.js';
import { ProductController } from '../controllers/product-controller.js';
import { variantUrl, type ProductSelection } from '../model/product-selection.js';
import { productPageStyles } from './product-page.styles.js';

export class DecideProductPage extends LitElement {
  static override styles = [boundaryStyles, buttonStyles, pageStyles, productPageStyles];

  readonly #product = new ProductController(this, decideClient);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'decide', 'page');
  }

  #page({ product, selected }: ProductSelection) {
    return html`<article class="product">
        <img
          class="picture"
          src=${selected.image}
          srcset=${srcset(selected.image)}
          sizes=${PICTURE_SIZES.half}
          alt=${`${product.name} in ${selected.name}`}
          width="400"
          height="300"
          fetchpriority="high"
        />
        <div>
          <h1>${product.name}</h1>
          <ul class="highlights">
            ${product.highlights.map((text) => html`<li>${text}</li>`)}
          </ul>
          <ul class="variants" aria-label="Variants">
            ${product.variants.map((variant) => {
              // The colour as an SVG fill, not a style attribute: the page's CSP allows no inline styles.
              const label = html`<svg class="dot" viewBox="0 0 20 20" aria-hidden="true">
                  <circle cx="10" cy="10" r="10" fill=${variant.colour}></circle></svg
                >${variant.name}`;
              return html`<li>
                ${
                  variant === selected
                    ? html`<span class="variant" aria-current="true">${label}</span>`
                    : html`<a class="variant" href=${variantUrl(product, variant)}>${label}</a>`
                }
              </li>`;
            })}
          </ul>
          <div class="buy"><checkout-add-to-cart sku=${selected.sku}></checkout-add-to-cart></div>
        </div>
      </article>
      <inspire-recommendations skus=${selected.sku}></inspire-recommendations>`;
  }

  #placeholder() {
    return html`<div class="product" aria-busy="true">
      <span class="picture" role="status" aria-label="Loading the product"></span>
      <div>
        <div class="placeholder title"></div>
        <div class="placeholder text"></div>
        <div class="placeholder button"></div>
      </div>
    </div>`;
  }

  override render() {
    return this.#product.render({
      pending: () => this.#placeholder(),
      complete: (selection) => this.#page(selection),
      notFound: (id) =>
        html`<section class="message">
          <h1>Page not found</h1>
          <p>We have no tractor ${id ? html`called <strong>${id}</strong>` : 'at this address'}.</p>
          <p><a href="/products">See all machines</a></p>
        </section>`,
      error: () =>
        html`<section class="message" role="alert">
          <h1>This product cannot be shown right now</h1>
          <p>We could not reach our product information. Please try again in a moment.</p>
          ${button({ label: 'try again', onClick: () => void this.#product.retry() })}
        </section>`,
    });
  }
}

defineElement('decide-product-page', DecideProductPage);

declare global {
  interface HTMLElementTagNameMap {
    'decide-product-page': DecideProductPage;
  }
}
