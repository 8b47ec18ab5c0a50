// Product tiles: a grid of pictures with a name (and a price), and placeholders of the same size while the
// data is on its way, so nothing moves when it arrives. Used by the teams that list machines.
import { css, html } from 'lit';

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

/** Placeholder tiles with the size of real ones, so nothing moves when the data arrives. */
export function tilePlaceholders(count: number, label: string) {
  return html`<span class="visually-hidden" role="status">${label}</span>
    <ul class="tiles" aria-busy="true">
      ${Array.from(
        { length: count },
        () =>
          html`<li class="tile" aria-hidden="true">
            <span class="placeholder"></span><span class="placeholder-text"></span>
          </li>`,
      )}
    </ul>`;
}
