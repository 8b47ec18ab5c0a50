// The widths at which the store's layouts change, for every team and the pattern library: media queries cannot
// read custom properties, so each width lives here once — as a media query for Lit styles, and as a number for
// anything else that must agree (srcset's `sizes`). No Lit import: the gateway reads the numbers too.

/** Where layouts change, in rem (16 px): the narrowest phones, phones, tablets, the page's full width. */
export const BREAKPOINTS = { smallPhone: 22.5, phone: 30, tablet: 48, wide: 75 } as const;

export type Breakpoint = keyof typeof BREAKPOINTS;

/** The media query for screens up to a breakpoint, e.g. `(max-width: 30rem)`. */
export const upTo = (breakpoint: Breakpoint) => `(max-width: ${BREAKPOINTS[breakpoint]}rem)`;

/** The media query for screens from a breakpoint on, e.g. `(min-width: 48rem)`. */
export const from = (breakpoint: Breakpoint) => `(min-width: ${BREAKPOINTS[breakpoint]}rem)`;
