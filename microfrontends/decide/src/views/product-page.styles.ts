import { css } from 'lit';
import { media } from '@tractor/shared/ui';

// <decide-product-page>'s own styles, after the pattern library's.
export const productPageStyles = css`
  .product {
    display: grid;
    grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
    gap: 2rem;
    align-items: start;
  }
  @media ${media.tablet} {
    .product {
      grid-template-columns: 1fr;
    }
  }
  .picture {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    border-radius: 0.75rem;
    background: var(--tractor-surface, #f4f2ee);
  }
  .highlights {
    margin: 0 0 1.5rem;
    padding-left: 1.25rem;
  }
  .highlights li + li {
    margin-top: 0.25rem;
  }
  .variants {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1.5rem;
    padding: 0;
    list-style: none;
  }
  .variant {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.375rem 0.875rem 0.375rem 0.5rem;
    border: 2px solid var(--tractor-line, #e2dfd8);
    border-radius: 999px;
    color: inherit;
    text-decoration: none;
  }
  a.variant:hover {
    border-color: var(--tractor-ink, #1b1b1b);
  }
  .variant[aria-current] {
    border-color: var(--tractor-ink, #1b1b1b);
    font-weight: 700;
  }
  .dot {
    width: 1.25rem;
    height: 1.25rem;
    border-radius: 50%;
    flex: none;
  }
  .dot circle {
    stroke: rgb(0 0 0 / 25%);
    stroke-width: 2px;
  }
  .variant[aria-current] .dot {
    box-shadow:
      0 0 0 2px var(--tractor-paper, #fff),
      0 0 0 4px var(--tractor-ink, #1b1b1b);
  }
  /* Room for Checkout's fragment before it arrives: nothing moves when it does. */
  .buy {
    min-height: 8rem;
  }
  .placeholder {
    border-radius: 0.375rem;
    background: var(--tractor-surface, #f4f2ee);
  }
  .placeholder.title {
    height: 2.4rem;
    width: 70%;
    margin-bottom: 0.75rem;
  }
  .placeholder.text {
    height: 5rem;
    margin-bottom: 1.5rem;
  }
  .placeholder.button {
    height: 2.5rem;
    width: 60%;
  }
  .message {
    padding: 1.5rem 0;
  }
  .message a {
    color: inherit;
    font-weight: 700;
  }
`;
