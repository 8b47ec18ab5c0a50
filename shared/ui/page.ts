// The page frame every team's page uses: the shop's content width, padding and heading size.
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
    margin: 0 0 0.75rem;
    font-size: 2rem;
    line-height: 1.2;
  }
`;
