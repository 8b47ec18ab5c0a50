// The error state every team's view shows when its data cannot be had: a clear message and "try again"; the
// rest of the page keeps working. Its styles include the pattern library's button and a visually-hidden class.
import { css, html } from 'lit';
import { button, buttonStyles } from './button.js';

/** The styles of failure() and of tilePlaceholders()' status text. */
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

/** A clear message and a way to try again; the rest of the page keeps working. */
export function failure(what: string, retry: () => unknown) {
  return html`<div class="failure" role="alert">
    <p>${what} cannot be shown right now.</p>
    ${button({ label: 'try again', size: 'small', onClick: () => void retry() })}
  </div>`;
}
