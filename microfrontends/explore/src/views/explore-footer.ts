// <explore-footer>: credit to the Tractor Store project and the tech this implementation runs on.
import { LitElement, css, html } from 'lit';
import { boundaryStyles, markBoundary } from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';

export class ExploreFooter extends LitElement {
  static override styles = [
    boundaryStyles,
    css`
      :host {
        display: block;
        margin-top: 2rem;
        background: var(--tractor-surface, #f4f2ee);
        color: var(--tractor-muted, #5f5f5f);
        font-size: 0.875rem;
      }
      footer {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1.5rem;
        box-sizing: border-box;
        max-width: 75rem;
        margin: 0 auto;
        padding: 2rem 1rem;
      }
      h2 {
        margin: 0 0 0.25rem;
        color: var(--tractor-ink, #1b1b1b);
        font-size: 0.875rem;
      }
      p {
        margin: 0;
      }
      a {
        color: inherit;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'explore');
  }

  override render() {
    return html`<footer>
      <section>
        <h2>The Tractor Store</h2>
        <p>
          A reference shop for comparing micro-frontend techniques, by
          <a href="https://neuland-bfi.de" rel="noopener">neuland</a>. Learn more at
          <a href="https://micro-frontends.org/tractor-store/" rel="noopener"
            >micro-frontends.org/tractor-store</a
          >.
        </p>
      </section>
      <section>
        <h2>Built with</h2>
        <p>
          single-spa and single-spa-layout with native import maps, Lit, TypeScript, webpack; Fastify services
          on PostgreSQL (PGlite); msw for mocks and Playwright for tests.
        </p>
      </section>
    </footer>`;
  }
}

defineElement('explore-footer', ExploreFooter);

declare global {
  interface HTMLElementTagNameMap {
    'explore-footer': ExploreFooter;
  }
}
