// The custom elements each team offers to other teams' pages: its public interface, besides URLs and events.
// A standalone page shows another team's fragments for real (from the running store) or as placeholders.
export const FRAGMENTS: Readonly<Record<string, readonly string[]>> = {
  explore: ['explore-header', 'explore-footer', 'explore-recommendations', 'explore-store-picker'],
  decide: [],
  checkout: ['checkout-mini-cart', 'checkout-add-to-cart', 'checkout-compact-header'],
};
