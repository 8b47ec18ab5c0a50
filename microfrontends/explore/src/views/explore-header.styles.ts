import { css } from 'lit';
import { media } from '@tractor/shared/ui';

// <explore-header>'s own styles, after the pattern library's boundary styles.
export const exploreHeaderStyles = css`
  :host {
    display: block;
    border-bottom: 1px solid var(--tractor-line, #e2dfd8);
    background: var(--tractor-paper, #fff);
  }
  header {
    display: flex;
    align-items: center;
    gap: 1.5rem;
    box-sizing: border-box;
    max-width: 75rem;
    height: 4.5rem;
    margin: 0 auto;
    padding: 0 1rem;
  }
  .logo {
    display: block;
    line-height: 0;
  }
  nav {
    display: flex;
    gap: 1.25rem;
    margin-right: auto;
  }
  nav a {
    color: inherit;
    font-weight: 600;
    text-decoration: none;
    padding: 0.25rem 0;
    border-bottom: 2px solid transparent;
  }
  nav a:hover,
  nav a[aria-current='page'] {
    border-bottom-color: var(--tractor-accent, #f2b705);
  }
  .cart-slot {
    display: block;
    min-width: 3rem;
    height: 3rem;
  }
  /* One row at every width, the mini cart whole: the logo gives way first (smaller, then its tractor only). */
  @media ${media.phone} {
    header {
      gap: 0.75rem;
    }
    nav {
      gap: 1rem;
    }
    .logo svg {
      width: 6rem;
      height: auto;
    }
  }
  @media ${media.smallPhone} {
    header {
      gap: 0.5rem;
      padding: 0 0.75rem;
    }
    .logo {
      flex: none;
      width: 2.5rem;
      overflow: hidden;
    }
    .logo svg {
      width: 11.25rem;
    }
  }
`;
