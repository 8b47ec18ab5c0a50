// The gate against what is live, as a matrix of manifest mutations: starting from the four teams' surfaces as
// their sources give them today (scripts/release-surface.test.ts holds those facts), every breaking change must
// be refused with the consumer and the missing piece named, and every additive one must pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { releaseSurface } from '../../scripts/release-surface.js';
import { gateMessage, gateProblems, ReleaseSurface, type Release } from './gate.js';

/** A surface as the scan writes it: every list there. */
type Surface = ReturnType<typeof releaseSurface>;

const surfaces: Record<string, Surface> = {
  explore: {
    provides: {
      elements: [
        'explore-category-page',
        'explore-footer',
        'explore-header',
        'explore-home-page',
        'explore-store-picker',
        'explore-stores-page',
      ],
      events: ['explore:store-selected'],
      parts: { pages: ['category', 'home', 'stores'], fragments: ['explore-footer', 'explore-header'] },
      contract: '1',
    },
    uses: { elements: ['checkout-mini-cart', 'inspire-recommendations'], events: [] },
  },
  decide: {
    provides: {
      elements: ['decide-product-page'],
      events: [],
      parts: { pages: ['product'], fragments: [] },
      contract: '1',
    },
    uses: { elements: ['checkout-add-to-cart', 'inspire-recommendations'], events: [] },
  },
  checkout: {
    provides: {
      elements: [
        'checkout-add-to-cart',
        'checkout-cart-page',
        'checkout-checkout-page',
        'checkout-compact-header',
        'checkout-mini-cart',
        'checkout-thanks-page',
      ],
      events: ['checkout:cart-updated'],
      parts: {
        pages: [],
        fragments: ['checkout-add-to-cart', 'checkout-compact-header', 'checkout-mini-cart'],
      },
      contract: '1',
    },
    uses: {
      elements: ['explore-store-picker', 'inspire-recommendations'],
      events: ['explore:store-selected'],
    },
  },
  inspire: {
    provides: {
      elements: ['inspire-recommendations'],
      events: [],
      parts: { pages: [], fragments: ['inspire-recommendations'] },
      contract: '1',
    },
    uses: { elements: [], events: [] },
  },
};

const LIVE_BUILD: Record<string, string> = {
  explore: 'aaaaaaaaaaaa',
  decide: 'dddddddddddd',
  checkout: 'cccccccccccc',
  inspire: 'eeeeeeeeeeee',
};
const NEW_BUILD = 'ffffffffffff';
const live: Release[] = Object.keys(surfaces).map((team) => ({
  team,
  build: LIVE_BUILD[team]!,
  surface: surfaces[team],
}));

/** A new build of `team`: its live surface, changed by `mutate` (on a copy). */
function buildOf(team: string, mutate: (surface: Surface) => void = () => {}): Release {
  const surface = structuredClone(surfaces[team]!);
  mutate(surface);
  return { team, build: NEW_BUILD, surface };
}
const without = (list: string[], name: string) => list.splice(list.indexOf(name), 1);
/** The live releases with `team`'s replaced. */
const liveWith = (release: Release) => live.map((r) => (r.team === release.team ? release : r));

interface Case {
  readonly name: string;
  readonly change: Release;
  readonly live?: readonly Release[];
  readonly served?: Readonly<Record<string, readonly string[]>>;
  /** consumer/provider/kind/name of each problem; none for an additive change. */
  readonly problems: readonly (readonly [string, string, 'element' | 'event' | 'contract', string])[];
}

const breaking: Case[] = [
  {
    name: 'Checkout stops defining the mini cart in Explore’s header',
    change: buildOf('checkout', (s) => without(s.provides.elements, 'checkout-mini-cart')),
    problems: [['explore', 'checkout', 'element', 'checkout-mini-cart']],
  },
  {
    name: 'Checkout renames add to cart, which Decide places',
    change: buildOf('checkout', (s) => {
      without(s.provides.elements, 'checkout-add-to-cart');
      s.provides.elements.push('checkout-buy-button');
    }),
    problems: [['decide', 'checkout', 'element', 'checkout-add-to-cart']],
  },
  {
    name: 'Inspire drops its recommendations: every team that places them',
    change: buildOf('inspire', (s) => without(s.provides.elements, 'inspire-recommendations')),
    problems: [
      ['explore', 'inspire', 'element', 'inspire-recommendations'],
      ['decide', 'inspire', 'element', 'inspire-recommendations'],
      ['checkout', 'inspire', 'element', 'inspire-recommendations'],
    ],
  },
  {
    name: 'Explore stops dispatching explore:store-selected, which Checkout listens to',
    change: buildOf('explore', (s) => without(s.provides.events, 'explore:store-selected')),
    problems: [['checkout', 'explore', 'event', 'explore:store-selected']],
  },
  {
    name: 'Explore renames explore:store-selected to explore:store-chosen',
    change: buildOf('explore', (s) => {
      without(s.provides.events, 'explore:store-selected');
      s.provides.events.push('explore:store-chosen');
    }),
    problems: [['checkout', 'explore', 'event', 'explore:store-selected']],
  },
  {
    name: 'Explore drops the store picker from the checkout form',
    change: buildOf('explore', (s) => without(s.provides.elements, 'explore-store-picker')),
    problems: [['checkout', 'explore', 'element', 'explore-store-picker']],
  },
  {
    name: 'a new Decide build places <checkout-wishlist>, which no live build defines',
    change: buildOf('decide', (s) => s.uses.elements.push('checkout-wishlist')),
    problems: [['decide', 'checkout', 'element', 'checkout-wishlist']],
  },
  {
    name: 'a new Checkout build listens to explore:store-closed, which Explore does not dispatch',
    change: buildOf('checkout', (s) => s.uses.events.push('explore:store-closed')),
    problems: [['checkout', 'explore', 'event', 'explore:store-closed']],
  },
  {
    name: 'a Checkout build made against contract 2, while its service serves 1',
    change: buildOf('checkout', (s) => (s.provides.contract = '2')),
    served: { checkout: ['1'] },
    problems: [['checkout', 'checkout', 'contract', '2']],
  },
  {
    name: 'a rollback of Decide to a build from before its service dropped contract 1',
    change: { team: 'decide', build: '0123456789ab', surface: surfaces.decide },
    served: { decide: ['2', '3'] },
    problems: [['decide', 'decide', 'contract', '1']],
  },
  {
    name: 'both directions at once: Checkout drops the mini cart and starts placing <explore-newsletter>',
    change: buildOf('checkout', (s) => {
      without(s.provides.elements, 'checkout-mini-cart');
      s.uses.elements.push('explore-newsletter');
    }),
    problems: [
      ['explore', 'checkout', 'element', 'checkout-mini-cart'],
      ['checkout', 'explore', 'element', 'explore-newsletter'],
    ],
  },
  {
    name: 'Checkout places Explore’s new element before Explore has deployed it',
    change: buildOf('checkout', (s) => s.uses.elements.push('explore-delivery-date')),
    // Explore's live build is an older one, without the element.
    live: liveWith({ team: 'explore', build: '999999999999', surface: surfaces.explore }),
    problems: [['checkout', 'explore', 'element', 'explore-delivery-date']],
  },
];

const additive: Case[] = [
  { name: 'the same surfaces again', change: buildOf('checkout'), problems: [] },
  {
    name: 'Checkout adds an element',
    change: buildOf('checkout', (s) => s.provides.elements.push('checkout-wishlist')),
    problems: [],
  },
  {
    name: 'Explore adds an event',
    change: buildOf('explore', (s) => s.provides.events.push('explore:category-changed')),
    problems: [],
  },
  {
    name: 'Decide adds a page and a fragment',
    change: buildOf('decide', (s) => {
      s.provides.parts.pages.push('compare');
      s.provides.parts.fragments.push('decide-compare-badge');
      s.provides.elements.push('decide-compare-badge');
    }),
    problems: [],
  },
  {
    name: 'Checkout drops what no other team uses (its thanks page; checkout:cart-updated only it hears)',
    change: buildOf('checkout', (s) => {
      without(s.provides.elements, 'checkout-thanks-page');
      without(s.provides.events, 'checkout:cart-updated');
    }),
    problems: [],
  },
  {
    name: 'a Checkout build made against contract 2, its service serving 1 and 2',
    change: buildOf('checkout', (s) => (s.provides.contract = '2')),
    served: { checkout: ['1', '2'] },
    problems: [],
  },
  {
    name: 'served contracts of other teams only',
    change: buildOf('checkout', (s) => (s.provides.contract = '2')),
    served: { explore: ['1'] },
    problems: [],
  },
  {
    name: 'an Inspire build without a surface neither demands nor provides',
    change: { team: 'inspire', build: NEW_BUILD },
    problems: [],
  },
  {
    name: 'a live Explore build without a surface demands nothing of Checkout',
    change: buildOf('checkout', (s) => without(s.provides.elements, 'checkout-mini-cart')),
    live: liveWith({ team: 'explore', build: LIVE_BUILD.explore! }),
    problems: [],
  },
  {
    name: 'Explore’s first deploy, before Checkout and Inspire ever deployed',
    change: buildOf('explore'),
    live: [],
    problems: [],
  },
  {
    name: 'the changing team’s outgoing build is replaced, not consulted',
    change: buildOf('inspire'),
    // What the outgoing build asked of its own team no longer counts: the new build replaces it.
    live: liveWith({
      team: 'inspire',
      build: LIVE_BUILD.inspire!,
      surface: { uses: { elements: ['inspire-old-widget'] } },
    }),
    problems: [],
  },
];

for (const c of [...breaking, ...additive]) {
  test(`${c.problems.length ? 'refused' : 'passes'}: ${c.name}`, () => {
    const problems = gateProblems(c.change, c.live ?? live, c.served);
    assert.deepEqual(
      problems.map((p) => [p.consumer, p.provider, p.kind, p.name]),
      c.problems,
    );
    for (const problem of problems) {
      const consumerBuild =
        problem.consumer === c.change.team ? c.change.build : LIVE_BUILD[problem.consumer];
      assert.equal(problem.consumerBuild, consumerBuild);
      assert.ok(problem.message.includes(problem.name), problem.message);
      assert.ok(problem.message.startsWith(`${problem.consumer} build ${consumerBuild}`), problem.message);
    }
  });
}

test('the message says who places what, which build lacks it, and what to do', () => {
  const explore = gateProblems(
    buildOf('checkout', (s) => without(s.provides.elements, 'checkout-mini-cart')),
    live,
  );
  assert.deepEqual(
    explore.map((p) => p.message),
    [
      'explore build aaaaaaaaaaaa places <checkout-mini-cart>, which checkout build ffffffffffff does not define ' +
        '(keep it until the live explore build does without it)',
    ],
  );
  const checkout = gateProblems(
    buildOf('checkout', (s) => s.uses.events.push('explore:store-closed')),
    live,
  );
  assert.deepEqual(
    checkout.map((p) => p.message),
    [
      'checkout build ffffffffffff listens to explore:store-closed, which explore build aaaaaaaaaaaa does not ' +
        'dispatch (first deploy the explore build that provides it)',
    ],
  );
  const contract = gateProblems(
    buildOf('checkout', (s) => (s.provides.contract = '2')),
    live,
    {
      checkout: ['1'],
    },
  );
  assert.match(contract[0]!.message, /built against checkout's contract 2, .* \(it serves 1\)/);
  assert.equal(
    gateMessage([...explore, ...checkout]),
    `Refused: 2 problems with what is live. ${explore[0]!.message}. ${checkout[0]!.message}.`,
  );
  assert.equal(gateMessage([]), '');
});

test('an element of a team with a hyphen in its name belongs to that team, not to its first word', () => {
  const giftCards: Release = {
    team: 'gift-cards',
    build: NEW_BUILD,
    surface: { provides: { elements: [] } },
  };
  const gift: Release = { team: 'gift', build: '111111111111', surface: { provides: {} } };
  const consumer: Release = {
    team: 'decide',
    build: LIVE_BUILD.decide!,
    surface: { uses: { elements: ['gift-cards-balance'] } },
  };
  assert.deepEqual(
    gateProblems(giftCards, [gift, consumer]).map((p) => [p.consumer, p.provider, p.name]),
    [['decide', 'gift-cards', 'gift-cards-balance']],
  );
  assert.deepEqual(gateProblems({ ...gift, build: NEW_BUILD }, [giftCards, consumer]), []);
});

test('the schema takes a manifest with any part of the surface, and refuses a wrong shape', () => {
  assert.deepEqual(ReleaseSurface.parse({}), {});
  assert.deepEqual(ReleaseSurface.parse({ uses: { elements: ['checkout-mini-cart'] }, later: true }), {
    uses: { elements: ['checkout-mini-cart'] },
  });
  assert.deepEqual(ReleaseSurface.parse(surfaces.checkout), surfaces.checkout);
  assert.equal(ReleaseSurface.safeParse({ provides: { elements: 'checkout-mini-cart' } }).success, false);
  assert.equal(ReleaseSurface.safeParse({ provides: { contract: 2 } }).success, false);
});
