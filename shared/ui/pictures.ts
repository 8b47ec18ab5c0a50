// The shop's logo, inline SVG: no request, no image document of its own (an SVG <img> is one, on the page's
// main thread), and its name set in the page's own font.
import { html } from 'lit';

const INK = '#1b1b1b';
const BODY = '#f2b705';

/** The shop's logo, 200×40: a small classic tractor and the name. */
export const logo = (label = 'The Tractor Store') =>
  html`<svg viewBox="0 0 200 40" width="200" height="40" role="img" aria-label=${label}>
    <g transform="translate(0 2) scale(.12)">
      <rect x="118" y="70" width="10" height="62" rx="3" fill=${INK} />
      <path d="M52 140 Q52 124 68 124 H228 V200 H52 Z" fill=${BODY} stroke=${INK} stroke-width="4" />
      <path d="M204 200 V70 H316 V200" fill="none" stroke=${INK} stroke-width="8" />
      <rect x="212" y="78" width="96" height="70" fill="#d6e9f0" />
      <rect x="194" y="56" width="132" height="16" rx="4" fill=${BODY} stroke=${INK} stroke-width="4" />
      <path d="M186 200 A86 86 0 0 1 358 200" fill=${BODY} stroke=${INK} stroke-width="4" />
      <circle cx="272" cy="203" r="74" fill="#2a2a2a" />
      <circle cx="272" cy="203" r="40" fill=${BODY} stroke=${INK} stroke-width="3" />
      <circle cx="96" cy="230" r="44" fill="#2a2a2a" />
      <circle cx="96" cy="230" r="24" fill=${BODY} stroke=${INK} stroke-width="3" />
    </g>
    <text x="52" y="27" font-size="19" font-weight="800" fill=${INK}>Tractor Store</text>
  </svg>`;
