import { css } from 'lit';

// <checkout-mini-cart>'s own styles, after the pattern library's boundary styles.
export const miniCartStyles = css`
  :host {
    display: inline-block;
  }
  a {
    position: relative;
    display: grid;
    place-items: center;
    /* Exactly the slot Explore's header reserves for it: nothing moves when it arrives. */
    box-sizing: border-box;
    width: 3rem;
    height: 3rem;
    border: 2px solid var(--tractor-ink, #1b1b1b);
    border-radius: 50%;
    color: var(--tractor-ink, #1b1b1b);
  }
  a:hover {
    background: var(--tractor-accent, #f2b705);
  }
  .badge {
    position: absolute;
    top: -0.375rem;
    right: -0.5rem;
    min-width: 1.375rem;
    height: 1.375rem;
    padding: 0 0.25rem;
    box-sizing: border-box;
    border-radius: 999px;
    background: var(--tractor-ink, #1b1b1b);
    color: var(--tractor-paper, #fff);
    font:
      700 0.75rem/1.375rem system-ui,
      sans-serif;
    text-align: center;
  }
  .badge:empty {
    display: none;
  }
`;
