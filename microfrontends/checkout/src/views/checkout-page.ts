// <checkout-checkout-page>: /checkout/checkout — names, a pickup store from Explore's store picker, and
// "place order", enabled once everything is there.
import { LitElement, html, nothing } from 'lit';
import { navigateToUrl } from 'single-spa';
import {
  boundaryStyles,
  button,
  buttonStyles,
  linkButton,
  markBoundary,
  pageStyles,
} from '@tractor/shared/ui';
import { defineElement } from '@tractor/shared/spa';
import { NAME_MAX } from '@tractor/shared/contracts/checkout';
import { checkoutClient } from '../client/checkout-client.js';
import { CheckoutFormController } from '../controllers/checkout-form-controller.js';
import type { Field } from '../model/checkout-form.js';
import { checkoutPageStyles } from './styles.js';
import { checkoutCheckoutPageStyles } from './checkout-page.styles.js';

export class CheckoutCheckoutPage extends LitElement {
  static override styles = [
    boundaryStyles,
    buttonStyles,
    pageStyles,
    checkoutPageStyles,
    checkoutCheckoutPageStyles,
  ];

  readonly #checkout = new CheckoutFormController(this, checkoutClient, navigateToUrl);

  override connectedCallback() {
    super.connectedCallback();
    markBoundary(this, 'checkout', 'page');
  }

  #nameField(field: Exclude<Field, 'storeId'>, label: string, autocomplete: string) {
    const problem = this.#checkout.form.problem(field);
    return html`<label
      >${label}
      <input
        name=${field}
        required
        maxlength=${NAME_MAX}
        autocomplete=${autocomplete}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${field}-problem` : nothing}
        .value=${this.#checkout.form.value(field)}
        @input=${(event: InputEvent) => this.#checkout.enter(field, (event.target as HTMLInputElement).value)}
      />
      ${problem ? html`<span class="field-problem" id=${`${field}-problem`}>${label} ${problem}</span>` : nothing}
    </label>`;
  }

  override render() {
    const { form, placing, problem } = this.#checkout;
    return html`<h1>Checkout</h1>
      <form
        novalidate
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.#checkout.placeOrder();
        }}
      >
        <fieldset>
          <legend>Personal Data</legend>
          ${this.#nameField('firstName', 'First name', 'given-name')}
          ${this.#nameField('lastName', 'Last name', 'family-name')}
        </fieldset>
        <fieldset>
          <legend>Store Pickup</legend>
          <explore-store-picker></explore-store-picker>
          <label
            >Store ID
            <input name="storeId" required readonly .value=${form.value('storeId')} />
          </label>
        </fieldset>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
        <div class="actions">
          ${button({
            label: placing ? 'placing order…' : 'place order',
            type: 'submit',
            variant: 'primary',
            disabled: !form.complete || placing,
          })}
          ${linkButton({ label: 'back to cart', href: '/checkout/cart' })}
        </div>
      </form>`;
  }
}

defineElement('checkout-checkout-page', CheckoutCheckoutPage);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-checkout-page': CheckoutCheckoutPage;
  }
}
