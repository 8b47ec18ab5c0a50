// Explore's look, shared by its elements. Colours and fonts come from the page's custom properties.
import { css } from 'lit';
import { buttonStyles } from '@tractor/shared/ui';

export const leadStyles = css`
  h1 {
    margin-bottom: 0.25rem;
  }
  .lead {
    margin: 0 0 1.5rem;
    color: var(--tractor-muted, #5f5f5f);
  }
`;

export const tileStyles = css`
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: 1.5rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tile {
    display: block;
    color: inherit;
    text-decoration: none;
  }
  .tile img,
  .tile .placeholder {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    border-radius: 0.5rem;
    background: var(--tractor-surface, #f4f2ee);
  }
  .tile .name {
    display: block;
    margin: 0.5rem 0 0.125rem;
    font-weight: 600;
  }
  .tile:hover .name {
    text-decoration: underline;
  }
  .tile .price {
    color: var(--tractor-muted, #5f5f5f);
  }
  .placeholder-text {
    display: block;
    height: 1.25rem;
    margin: 0.5rem 0 0.125rem;
    width: 70%;
    border-radius: 0.25rem;
    background: var(--tractor-surface, #f4f2ee);
  }
  @media (prefers-reduced-motion: no-preference) {
    .placeholder,
    .placeholder-text {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }
`;

/** The pending and error states (states.ts), including the pattern library's button for "try again". */
export const stateStyles = [
  buttonStyles,
  css`
    .failure {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1rem;
      padding: 1rem;
      border: 1px solid var(--tractor-line, #e2dfd8);
      border-radius: 0.5rem;
    }
    .failure p {
      margin: 0;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
