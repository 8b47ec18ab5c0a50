// <explore-store-picker>: "choose a store" opens a modal dialog listing the stores; "select" closes it,
// shows the chosen store and dispatches `explore:store-selected` with the store id to the host page.
import { LitElement, html } from 'lit';
import {
  boundaryStyles,
  button,
  buttonStyles,
  failure,
  markBoundary,
  PICTURE_SIZES,
  srcset,
  stateStyles,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import type { Store } from '@tractor/shared/contracts/explore';
import { exploreClient } from '../client/explore-client.js';
import { StorePickerController } from '../controllers/store-picker-controller.js';
import { exploreStorePickerStyles } from './explore-store-picker.styles.js';

export class ExploreStorePicker extends LitElement {
  static override styles = [boundaryStyles, buttonStyles, stateStyles, exploreStorePickerStyles];

  readonly #controller = new StorePickerController(this, exploreClient);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore');
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #select(store: Store) {
    this.#controller.choose(store.id);
    this.#dialog?.close();
  }

  #storeList(stores: readonly Store[]) {
    return html`<ul>
      ${stores.map(
        (store) =>
          html`<li>
            <img
              src=${store.image}
              srcset=${srcset(store.image)}
              sizes=${PICTURE_SIZES.thumb}
              alt=""
              width="120"
              height="90"
            />
            <address id=${`store-${store.id}`}>
              <strong>${store.name}</strong><br />${store.street}, ${store.city}
            </address>
            ${button({ label: 'select', size: 'small', onClick: () => this.#select(store) })}
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    const chosen = this.#controller.picker.chosen;
    return html`<div class="picker">
        ${
          chosen
            ? html`<address class="chosen">
                <strong>${chosen.name}</strong><br />${chosen.street}, ${chosen.city}
              </address>`
            : html`<p class="chosen">No store chosen yet.</p>`
        }
        ${button({
          label: 'choose a store',
          onClick: () => this.#dialog?.showModal(),
        })}
      </div>
      <dialog aria-labelledby="stores-title">
        <div class="dialog-head">
          <h2 id="stores-title">Stores</h2>
          ${button({ label: 'close', size: 'small', onClick: () => this.#dialog?.close() })}
        </div>
        ${this.#controller.renderStores({
          initial: () => html`<p role="status">Loading stores…</p>`,
          pending: () => html`<p role="status">Loading stores…</p>`,
          complete: (stores) => this.#storeList(stores),
          error: () => failure('The stores', () => this.#controller.retry()),
        })}
      </dialog>`;
  }
}

defineElement('explore-store-picker', ExploreStorePicker);

declare global {
  interface HTMLElementTagNameMap {
    'explore-store-picker': ExploreStorePicker;
  }
}
