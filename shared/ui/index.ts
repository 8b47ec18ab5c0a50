// The pattern library: one module in the import map (@tractor/shared/ui), used by every team.
export { button, linkButton, buttonStyles } from './button.js';
export type { ButtonOptions, LinkButtonOptions, ButtonVariant, ButtonSize } from './button.js';
export { boundaryStyles, markBoundary } from './boundary.js';
export { pageStyles } from './page.js';
export type { Team } from './boundary.js';
export { failure, stateStyles } from './states.js';
export { tilePlaceholders, tileStyles } from './tiles.js';
export { logo } from './pictures.js';
export { PICTURE_SIZES, srcset, type PictureSize } from './srcset.js';
export { BREAKPOINTS, from, upTo, type Breakpoint } from './breakpoints.js';
export { media } from './media.js';
