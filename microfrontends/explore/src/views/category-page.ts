// <explore-category-page>: /products and /products/:category — heading, count, filter and product tiles,
// highest start price first. Stays mounted while the shopper switches filters.
import { LitElement, css, html } from 'lit';
import {
  boundaryStyles,
  failure,
  markBoundary,
  pageStyles,
  PICTURE_SIZES,
  srcset,
  stateStyles,
  tilePlaceholders,
  tileStyles,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { exploreClient } from '../client/explore-client.js';
import { CatalogController } from '../controllers/catalog-controller.js';
import type { CategoryListing } from '../model/category-listing.js';
import { leadStyles } from './styles.js';

/** Tiles in the first two rows load at once (the first view's largest pictures); the rest when scrolled to. */
const FIRST_ROWS = 8;

export class ExploreCategoryPage extends LitElement {
  static override styles = [
    boundaryStyles,
    pageStyles,
    leadStyles,
    tileStyles,
    stateStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1.5rem;
        padding: 0;
        list-style: none;
      }
      .filters a,
      .filters span {
        display: inline-block;
        padding: 0.375rem 0.875rem;
        border: 2px solid var(--tractor-ink, #1b1b1b);
        border-radius: 999px;
        color: inherit;
        font-weight: 600;
        text-decoration: none;
      }
      .filters span {
        background: var(--tractor-ink, #1b1b1b);
        color: var(--tractor-paper, #fff);
      }
      .filters a:hover {
        background: var(--tractor-accent, #f2b705);
      }
      .heading-placeholder {
        height: 2.4rem;
        width: 14rem;
        margin: 0 0 0.25rem;
      }
    `,
  ];

  readonly #catalog = new CatalogController(this, exploreClient);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore', 'page');
  }

  #listing(listing: CategoryListing) {
    return html`<h1>${listing.title}</h1>
      <p class="lead">${listing.countLabel}</p>
      <ul class="filters" aria-label="Filter by category">
        ${listing.filters.map(
          (f) =>
            html`<li>
              ${f.active ? html`<span aria-current="page">${f.label}</span>` : html`<a href=${f.href}>${f.label}</a>`}
            </li>`,
        )}
      </ul>
      <ul class="tiles">
        ${listing.tiles.map(
          (tile, index) =>
            html`<li>
              <a class="tile" href=${tile.url}>
                <img
                  src=${tile.image}
                  srcset=${srcset(tile.image)}
                  sizes=${PICTURE_SIZES.tile}
                  alt=""
                  width="400"
                  height="300"
                  loading=${index < FIRST_ROWS ? 'eager' : 'lazy'}
                />
                <span class="name">${tile.name}</span>
                <span class="price">${tile.price}</span>
              </a>
            </li>`,
        )}
      </ul>`;
  }

  override render() {
    const pending = () =>
      this.#catalog.value
        ? this.#listing(this.#catalog.value)
        : html`<div class="heading-placeholder placeholder-text"></div>
            <p class="lead">&nbsp;</p>
            ${tilePlaceholders(8, 'Loading machines')}`;
    return this.#catalog.render({
      initial: pending,
      pending,
      complete: (listing) => this.#listing(listing),
      error: () => failure('The machines', () => this.#catalog.retry()),
    });
  }
}

defineElement('explore-category-page', ExploreCategoryPage);

declare global {
  interface HTMLElementTagNameMap {
    'explore-category-page': ExploreCategoryPage;
  }
}
