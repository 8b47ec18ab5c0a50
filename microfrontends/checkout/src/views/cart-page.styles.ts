import { css } from 'lit';
import { media } from '@tractor/shared/ui';

// <checkout-cart-page>'s own styles, after the pattern library's and Checkout's shared ones.
export const cartPageStyles = css`
  .lines {
    margin: 0;
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--tractor-line, #e2dfd8);
  }
  .line {
    display: grid;
    grid-template-columns: 7.5rem 1fr auto auto auto;
    align-items: center;
    gap: 1rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--tractor-line, #e2dfd8);
  }
  .line img {
    display: block;
    width: 7.5rem;
    height: auto;
    aspect-ratio: 4 / 3;
    border-radius: 0.375rem;
  }
  .name {
    color: inherit;
    font-weight: 700;
  }
  .sku,
  .quantity {
    color: var(--tractor-muted, #5f5f5f);
  }
  .line-total {
    min-width: 6rem;
    font-weight: 700;
    text-align: right;
  }
  .total {
    margin: 1rem 0 0;
    font-size: 1.25rem;
    font-weight: 700;
    text-align: right;
  }
  .placeholder {
    height: 12rem;
    border-radius: 0.5rem;
    background: var(--tractor-surface, #f4f2ee);
  }
  /* A phone: the picture beside two rows — what it is and "remove", then how many and the line's total. */
  @media ${media.tablet} {
    .line {
      grid-template-columns: 5rem minmax(0, 1fr) auto;
      grid-template-areas:
        'picture what remove'
        'picture quantity total';
      gap: 0.25rem 0.75rem;
    }
    .line img {
      width: 5rem;
    }
    .picture {
      grid-area: picture;
      align-self: start;
    }
    .what {
      grid-area: what;
    }
    .quantity {
      grid-area: quantity;
    }
    .quantity::before {
      content: 'Qty ';
    }
    .line-total {
      grid-area: total;
      min-width: 0;
    }
    .remove {
      grid-area: remove;
      justify-self: end;
    }
  }
`;
