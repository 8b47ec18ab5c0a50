// <checkout-thanks-page>: /checkout/thanks — the thanks, and about a second of confetti. canvas-confetti is
// loaded here only (a lazy chunk), never on other pages, and not at all for a shopper who asked for less motion.
import { LitElement, html } from 'lit';
import { boundaryStyles, buttonStyles, linkButton, markBoundary, pageStyles } from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { checkoutPageStyles } from './styles.js';

const COLOURS = ['#FFDE54', '#FF5A54', '#54FF90'];

async function celebrate(durationMs = 1000) {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  const { default: confetti } = await import(/* webpackChunkName: "confetti" */ 'canvas-confetti');
  const end = performance.now() + durationMs;
  (function burst() {
    const common = { particleCount: 4, spread: 60, colors: COLOURS, disableForReducedMotion: true };
    void confetti({ ...common, angle: 60, origin: { x: 0, y: 0.7 } });
    void confetti({ ...common, angle: 120, origin: { x: 1, y: 0.7 } });
    if (performance.now() < end) requestAnimationFrame(burst);
  })();
}

export class CheckoutThanksPage extends LitElement {
  static override styles = [boundaryStyles, buttonStyles, pageStyles, checkoutPageStyles];

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout', 'page');
    void celebrate();
  }

  override render() {
    return html`<h1>Thanks for your order!</h1>
      <p>We'll notify you, when its ready for pickup.</p>
      <div class="actions">
        ${linkButton({ label: 'Continue Shopping', href: '/', variant: 'primary' })}
      </div>`;
  }
}

defineElement('checkout-thanks-page', CheckoutThanksPage);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-thanks-page': CheckoutThanksPage;
  }
}
