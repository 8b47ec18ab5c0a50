// Team boundaries: every team-owned element marks its host with data-boundary="<team>" (fragments) or
// data-boundary-page="<team>" (pages). The root config's toggle sets --tractor-boundary-* on <html>; custom
// properties inherit through shadow roots, so these rules light up parts however deeply they are nested.
import { css, unsafeCSS } from 'lit';
import { teams } from '../teams.js';

/** A team's name, as the registry lists it. */
export type Team = string;

// Each team's colour, from the registry.
const teamColours = unsafeCSS(
  teams
    .map(
      (t) =>
        `:host([data-boundary='${t.name}']), :host([data-boundary-page='${t.name}']) { --team-color: ${t.colour}; }`,
    )
    .join('\n'),
);

export const boundaryStyles = css`
  :host([data-boundary]),
  :host([data-boundary-page]) {
    position: relative;
    outline: var(--tractor-boundary-width, 0px) solid var(--team-color, transparent);
    outline-offset: calc(-1 * var(--tractor-boundary-width, 0px));
  }
  :host([data-boundary])::after,
  :host([data-boundary-page])::after {
    display: var(--tractor-boundary-label, none);
    position: absolute;
    top: 0;
    right: 0;
    z-index: 10;
    padding: 0 0.375rem;
    background: var(--team-color);
    color: #fff;
    font:
      600 0.6875rem/1.5 system-ui,
      sans-serif;
    pointer-events: none;
  }
  :host([data-boundary])::after {
    content: attr(data-boundary);
  }
  :host([data-boundary-page])::after {
    content: attr(data-boundary-page) ' page';
  }
  ${teamColours}
`;

/** Call from connectedCallback: marks the element as a part owned by `team`. */
export function markBoundary(element: HTMLElement, team: Team, kind: 'fragment' | 'page' = 'fragment') {
  element.setAttribute(kind === 'page' ? 'data-boundary-page' : 'data-boundary', team);
}
