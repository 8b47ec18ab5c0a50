// <explore-home-page>: the two category teasers and Inspire's recommendations for two of the shop's machines.
import { LitElement, css, html } from 'lit';
import {
  boundaryStyles,
  failure,
  markBoundary,
  pageStyles,
  PICTURE_SIZES,
  srcset,
  stateStyles,
} from '@tractor/shared/ui';
import type { Teaser } from '@tractor/shared/contracts/explore';
import { defineElement, readSeed } from '@tractor/shared/spa';
import { exploreClient } from '../client/explore-client.js';
import { LoadController } from '../controllers/load-controller.js';
import { leadStyles } from './styles.js';

export const HOME_RECOMMENDATIONS = 'CL-01-GY,AU-07-MT';

/** What a server-rendered home page was rendered with. */
export interface HomeSeed {
  readonly teasers: readonly Teaser[];
}

export class ExploreHomePage extends LitElement {
  static override styles = [
    boundaryStyles,
    pageStyles,
    leadStyles,
    stateStyles,
    css`
      .teasers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 1rem;
      }
      .teaser {
        position: relative;
        display: block;
        overflow: hidden;
        border-radius: 0.75rem;
        color: #fff;
        text-decoration: none;
        background: var(--tractor-surface, #f4f2ee);
        aspect-ratio: 16 / 9;
      }
      .teaser img {
        display: block;
        width: 100%;
        height: 100%;
      }
      .teaser span {
        position: absolute;
        left: 1rem;
        bottom: 1rem;
        padding: 0.375rem 0.875rem;
        border-radius: 999px;
        background: rgb(27 27 27 / 80%);
        font-size: 1.25rem;
        font-weight: 700;
      }
      .teaser:hover span {
        background: var(--tractor-ink, #1b1b1b);
        text-decoration: underline;
      }
    `,
  ];

  readonly #home = new LoadController(
    this,
    async (signal) => (await exploreClient.home(signal)).teasers,
    () => readSeed<HomeSeed>(this)?.teasers,
  );

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore', 'page');
  }

  override render() {
    const placeholders = () =>
      html`<div class="teasers" aria-busy="true">
        <span class="teaser"></span><span class="teaser"></span>
      </div>`;
    return html`<h1 class="visually-hidden">The Tractor Store</h1>
      ${this.#home.render({
        initial: placeholders,
        pending: placeholders,
        complete: (teasers) =>
          html`<nav class="teasers" aria-label="Categories">
            ${teasers.map(
              (t) =>
                html`<a class="teaser" href=${t.url}>
                  <img
                    src=${t.image}
                    srcset=${srcset(t.image)}
                    sizes=${PICTURE_SIZES.half}
                    alt=""
                    width="800"
                    height="450"
                    fetchpriority="high"
                  />
                  <span>${t.title}</span>
                </a>`,
            )}
          </nav>`,
        error: () => failure('The categories', () => this.#home.retry()),
      })}
      <inspire-recommendations skus=${HOME_RECOMMENDATIONS}></inspire-recommendations>`;
  }
}

defineElement('explore-home-page', ExploreHomePage);

declare global {
  interface HTMLElementTagNameMap {
    'explore-home-page': ExploreHomePage;
  }
}
