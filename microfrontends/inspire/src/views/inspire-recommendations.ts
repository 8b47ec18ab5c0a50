// <inspire-recommendations skus="CL-01-GY,AU-07-MT">: four variants in colours near the given SKUs'.
// `skus` is an attribute (comma-separated) and a property (array); changing either asks again.
import { LitElement, css, html } from 'lit';
import {
  boundaryStyles,
  failure,
  markBoundary,
  PICTURE_SIZES,
  srcset,
  stateStyles,
  tilePlaceholders,
  tileStyles,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { inspireClient } from '../client/inspire-client.js';
import { RecommendationsController } from '../controllers/recommendations-controller.js';
import { formatSkuList, parseSkuList } from '../model/sku-list.js';

export class InspireRecommendations extends LitElement {
  static override properties = {
    skus: {
      converter: {
        fromAttribute: (value: string | null) => parseSkuList(value),
        toAttribute: (value: readonly string[]) => formatSkuList(value),
      },
    },
  };

  static override styles = [
    boundaryStyles,
    tileStyles,
    stateStyles,
    css`
      :host {
        display: block;
        margin: 2.5rem 0 0;
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.25rem;
      }
      .tiles {
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      }
    `,
  ];

  declare skus: readonly string[];

  readonly #recommendations = new RecommendationsController(this, inspireClient, () => this.skus);

  constructor() {
    super();
    this.skus = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'inspire');
  }

  override render() {
    const pending = () => tilePlaceholders(4, 'Loading recommendations');
    return html`<section aria-labelledby="title">
      <h2 id="title">Recommendations</h2>
      ${this.#recommendations.render({
        initial: pending,
        pending,
        complete: (items) =>
          html`<ul class="tiles">
            ${items.map(
              (item) =>
                html`<li>
                  <a class="tile" href=${item.url}>
                    <img
                      src=${item.image}
                      srcset=${srcset(item.image)}
                      sizes=${PICTURE_SIZES.tile}
                      alt=""
                      width="400"
                      height="300"
                    />
                    <span class="name">${item.name}</span>
                  </a>
                </li>`,
            )}
          </ul>`,
        error: () => failure('Recommendations', () => this.#recommendations.retry()),
      })}
    </section>`;
  }
}

defineElement('inspire-recommendations', InspireRecommendations);

declare global {
  interface HTMLElementTagNameMap {
    'inspire-recommendations': InspireRecommendations;
  }
}
