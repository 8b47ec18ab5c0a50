// The pending and error states every Explore view renders while it waits for, or fails to get, its data.
import { html } from 'lit';
import { button } from '@tractor/shared/ui';

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

/** A clear message and a way to try again; the rest of the page keeps working. */
export function failure(what: string, retry: () => unknown) {
  return html`<div class="failure" role="alert">
    <p>${what} cannot be shown right now.</p>
    ${button({ label: 'try again', size: 'small', onClick: () => void retry() })}
  </div>`;
}
