// The CDN serves every picture as WebP at the drawing's size and at twice it (`<name>.webp`, `<name>@2x.webp`).
// `srcset` names both, so a dense screen gets the sharp one and every other screen the small one. No Lit here:
// the gateway's preload links use it too.

/** The srcset of a CDN picture: its 1× and 2× files. */
export const srcset = (src: string) => `${src} 1x, ${src.replace(/\.webp$/, '@2x.webp')} 2x`;
