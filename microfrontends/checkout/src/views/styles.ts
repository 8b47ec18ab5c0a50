// Checkout's look, shared by its pages. Colours and fonts come from the page's custom properties.
import { css } from 'lit';

export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 75rem;
    margin: 0 auto;
    padding: 1.5rem 1rem 3rem;
  }
  h1 {
    margin: 0 0 1rem;
    font-size: 2rem;
    line-height: 1.2;
  }
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
