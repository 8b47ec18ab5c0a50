// Explore's look, shared by its pages. Colours and fonts come from the page's custom properties.
import { css } from 'lit';

export const leadStyles = css`
  h1 {
    margin-bottom: 0.25rem;
  }
  .lead {
    margin: 0 0 1.5rem;
    color: var(--tractor-muted, #5f5f5f);
  }
`;
