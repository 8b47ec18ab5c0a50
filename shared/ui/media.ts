// The breakpoints (breakpoints.ts) as Lit CSS: `@media ${media.phone} { … }` in a team's styles, never a width
// of its own.
import { unsafeCSS, type CSSResult } from 'lit';
import { BREAKPOINTS, upTo, type Breakpoint } from './breakpoints.js';

/** For each breakpoint, the media query for screens up to it. */
export const media = Object.fromEntries(
  Object.keys(BREAKPOINTS).map((name) => [name, unsafeCSS(upTo(name as Breakpoint))]),
) as Record<Breakpoint, CSSResult>;
