import { css } from 'lit';

// What Checkout's pages add to the pattern library's page frame.
export const checkoutPageStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 1.5rem 0;
  }
  .problem {
    color: var(--tractor-error, #b42318);
    font-weight: 600;
  }
`;
