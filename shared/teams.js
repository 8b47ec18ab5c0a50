// The one team registry. Every script, config and test that needs the list of teams reads it: the start
// script's process table, the import map, the gateway, the root config, each team's webpack config and
// standalone page, the boundary colours, the e2e ports. Adding a team is its folders plus one entry here
// (teams.test.ts fails when a team folder and this list disagree; it also checks the layout's routes).
// Plain JavaScript because webpack configs read it too; types in teams.d.ts.

/** @type {import('./teams.js').TeamEntry[]} */
export const teams = [
  {
    name: 'explore',
    portOffset: 1,
    devPort: 9001,
    colour: '#c2410c',
    pages: [
      {
        name: 'home',
        path: '/',
        exact: true,
        label: 'Home',
        critical: [
          '/explore/api/home',
          { picture: ['scene', 'classics'], sizes: 'half' },
          { picture: ['scene', 'autonomous'], sizes: 'half' },
        ],
      },
      { name: 'category', path: '/products', label: 'Machines', example: '/products' },
      { name: 'stores', path: '/stores', exact: true, label: 'Stores', critical: ['/explore/api/stores'] },
    ],
    fragments: ['explore-header', 'explore-footer', 'explore-store-picker'],
  },
  {
    name: 'decide',
    portOffset: 2,
    devPort: 9002,
    colour: '#15803d',
    pages: [
      {
        name: 'product',
        path: '/product/:id',
        exact: true,
        label: 'Product CL-01',
        example: '/product/CL-01',
        critical: ['/decide/api/products/:id'],
      },
    ],
    fragments: [],
  },
  {
    name: 'checkout',
    portOffset: 3,
    devPort: 9003,
    colour: '#1d4ed8',
    pages: [
      {
        name: 'cart',
        path: '/checkout/cart',
        exact: true,
        label: 'Basket',
        critical: ['/checkout/api/cart'],
      },
      { name: 'checkout', path: '/checkout/checkout', exact: true, label: 'Checkout' },
      { name: 'thanks', path: '/checkout/thanks', exact: true, label: 'Thanks' },
    ],
    fragments: ['checkout-mini-cart', 'checkout-add-to-cart', 'checkout-compact-header'],
  },
  {
    name: 'inspire',
    portOffset: 4,
    devPort: 9004,
    colour: '#7e22ce',
    pages: [],
    fragments: ['inspire-recommendations'],
    examples: { 'inspire-recommendations': { skus: 'CL-01-GY,AU-07-MT' } },
  },
];

/** A team by name, or an error naming the teams there are. */
export function team(name) {
  const found = teams.find((t) => t.name === name);
  if (!found) throw new Error(`There is no team "${name}"; teams: ${teams.map((t) => t.name).join(', ')}.`);
  return found;
}

/** The team module's import-map name: "@tractor/explore". */
export const teamModule = (name) => `@tractor/${name}`;

/** The team that owns a fragment's tag, e.g. "checkout-mini-cart" → "checkout". */
export const fragmentOwner = (tag) => teams.find((t) => t.fragments.includes(tag))?.name;
