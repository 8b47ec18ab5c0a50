import { css } from 'lit';

// <checkout-checkout-page>'s own styles, after the pattern library's and Checkout's shared ones (styles.ts
// already names Checkout's shared page styles checkoutPageStyles, so these carry the element's full name).
export const checkoutCheckoutPageStyles = css`
  form {
    max-width: 40rem;
  }
  fieldset {
    margin: 0 0 1.5rem;
    padding: 0;
    border: none;
  }
  legend {
    margin-bottom: 0.75rem;
    font-size: 1.25rem;
    font-weight: 700;
  }
  label {
    display: block;
    margin-bottom: 0.75rem;
    font-weight: 600;
  }
  input {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin-top: 0.25rem;
    padding: 0.625rem 0.75rem;
    border: 2px solid var(--tractor-line, #e2dfd8);
    border-radius: 0.5rem;
    font: inherit;
  }
  input:focus-visible {
    outline: 3px solid var(--tractor-focus, #2563eb);
    outline-offset: 1px;
  }
  input[readonly] {
    background: var(--tractor-surface, #f4f2ee);
  }
  .field-problem {
    display: block;
    margin-top: 0.25rem;
    color: var(--tractor-error, #b42318);
    font-weight: 400;
  }
  explore-store-picker {
    margin-bottom: 0.75rem;
  }
`;
