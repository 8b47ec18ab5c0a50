// <explore-stores-page>: where to pick up a tractor.
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
import type { Store } from '@tractor/shared/contracts/explore';
import { defineElement, readSeed } from '@tractor/shared/spa';
import { exploreClient } from '../client/explore-client.js';
import { LoadController } from '../controllers/load-controller.js';
import { leadStyles } from './styles.js';

export class ExploreStoresPage extends LitElement {
  static override styles = [
    boundaryStyles,
    pageStyles,
    leadStyles,
    tileStyles,
    stateStyles,
    css`
      address {
        font-style: normal;
        color: var(--tractor-muted, #5f5f5f);
      }
    `,
  ];

  readonly #stores = new LoadController(
    this,
    async (signal) => (await exploreClient.stores(signal)).stores,
    () => readSeed<readonly Store[]>(this),
  );

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore', 'page');
  }

  override render() {
    const pending = () => tilePlaceholders(4, 'Loading stores');
    return html`<h1>Our Stores</h1>
      <p class="lead">
        Want to see our tractors up close? Visit one of our stores — and pick up your order there.
      </p>
      ${this.#stores.render({
        initial: pending,
        pending,
        complete: (stores) =>
          html`<ul class="tiles">
            ${stores.map(
              (store) =>
                html`<li class="tile">
                  <img
                    src=${store.image}
                    srcset=${srcset(store.image)}
                    sizes=${PICTURE_SIZES.tile}
                    alt=""
                    width="400"
                    height="300"
                    loading="lazy"
                  />
                  <span class="name">${store.name}</span>
                  <address>${store.street}<br />${store.city}</address>
                </li>`,
            )}
          </ul>`,
        error: () => failure('The stores', () => this.#stores.retry()),
      })}`;
  }
}

defineElement('explore-stores-page', ExploreStoresPage);

declare global {
  interface HTMLElementTagNameMap {
    'explore-stores-page': ExploreStoresPage;
  }
}
