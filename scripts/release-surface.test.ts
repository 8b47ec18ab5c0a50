// The scan of a team's sources for what its build provides and uses: the facts of the four real teams, that
// the scan cannot drift from the elements a team declares, and what it skips (comments, tests, mock mode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fragmentOwner, teams } from '../shared/teams.js';
import { CONTRACT_VERSIONS } from '../shared/contracts/versions.js';
import { releaseSurface } from './release-surface.js';

const repoRoot = path.join(import.meta.dirname, '..');
const srcOf = (team: string) => path.join(repoRoot, 'microfrontends', team, 'src');
const surfaceOf = (team: string) => releaseSurface(team, srcOf(team));

test('Explore provides its header, footer, store picker, pages and explore:store-selected', () => {
  assert.deepEqual(surfaceOf('explore'), {
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
      contract: CONTRACT_VERSIONS.explore,
    },
    uses: { elements: ['checkout-mini-cart', 'inspire-recommendations'], events: [] },
  });
});

test("Decide provides its product page and places Checkout's add to cart and Inspire's recommendations", () => {
  assert.deepEqual(surfaceOf('decide'), {
    provides: {
      elements: ['decide-product-page'],
      events: [],
      parts: { pages: ['product'], fragments: [] },
      contract: CONTRACT_VERSIONS.decide,
    },
    uses: { elements: ['checkout-add-to-cart', 'inspire-recommendations'], events: [] },
  });
});

test('Checkout provides the mini cart and checkout:cart-updated, and listens to explore:store-selected', () => {
  assert.deepEqual(surfaceOf('checkout'), {
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
      contract: CONTRACT_VERSIONS.checkout,
    },
    // Checkout listens to its own checkout:cart-updated too (the mini cart), but that is no other team's.
    uses: {
      elements: ['explore-store-picker', 'inspire-recommendations'],
      events: ['explore:store-selected'],
    },
  });
});

test('Inspire provides its recommendations and uses nothing of the others', () => {
  assert.deepEqual(surfaceOf('inspire'), {
    provides: {
      elements: ['inspire-recommendations'],
      events: [],
      parts: { pages: [], fragments: ['inspire-recommendations'] },
      contract: CONTRACT_VERSIONS.inspire,
    },
    uses: { elements: [], events: [] },
  });
});

/** The tags a team's sources declare in HTMLElementTagNameMap (each element file ends with its entry). */
function declaredTags(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return declaredTags(file);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    const map = /interface HTMLElementTagNameMap\s*\{([^}]*)\}/.exec(readFileSync(file, 'utf8'));
    return [...(map?.[1] ?? '').matchAll(/'([a-z0-9-]+)'\s*:/g)].map((m) => m[1] ?? '');
  });
}

test("each team's provided elements are exactly the tags it declares, and hold its registry fragments", () => {
  for (const { name, fragments } of teams) {
    const { provides, uses } = surfaceOf(name);
    assert.deepEqual(provides.elements, declaredTags(srcOf(name)).sort(), name);
    for (const fragment of fragments) assert.ok(provides.elements.includes(fragment), `${name}: ${fragment}`);
    // What a team places of another team is a fragment that team offers in the registry.
    for (const tag of uses.elements) assert.notEqual(fragmentOwner(tag), undefined, `${name} uses ${tag}`);
    assert.ok(
      uses.elements.every((tag) => fragmentOwner(tag) !== name),
      `${name} does not "use" its own tags`,
    );
  }
});

test('the scan skips comments, tests and mock mode, and reads literals and shorthand keys', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'surface-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  try {
    write(
      'src/views/page.ts',
      [
        '// <explore-header> is named in prose only',
        '/** Like <checkout-compact-header>, but ours. */',
        "customElements.define('decide-compare-page', class extends HTMLElement {});",
        "const link = 'https://example.com/<inspire-x'; // the URL keeps its //, this comment goes",
        'const view = html`<!-- <explore-footer> --><checkout-mini-cart></checkout-mini-cart>',
        '  <inspire-recommendations skus="x"></inspire-recommendations><decide-own></decide-own>`;',
        "document.createElement('explore-store-picker');",
        "window.addEventListener('checkout:cart-updated', () => {});",
        'host.addEventListener(STORE_SELECTED, () => {});',
        "host.addEventListener('change', () => {});",
        "host.dispatchEvent(new CustomEvent('decide:compared', { bubbles: true }));",
        "host.dispatchEvent(new Event('change'));",
        'export { link, view };',
      ].join('\n'),
    );
    write(
      'src/ssr.ts',
      [
        'const compare = async () => ({ tag: "decide-compare-page", seed: { nested: 1 } });',
        "export const renderer = { pages: { compare, async product() { return { tag: 'x' }; } },",
        "  fragments: { 'decide-badge': async ({ fetch }, { sku }) => ({ attributes: { sku } }) } };",
      ].join('\n'),
    );
    write('src/views/page.test.ts', "defineElement('decide-test-only', X); html`<explore-test-only>`;");
    write('src/mocks.ts', "defineElement('decide-mock-only', X); storeSelected('store-a');");
    write('src/mocks/handlers.ts', "defineElement('decide-mock-folder', X);");

    assert.deepEqual(releaseSurface('decide', path.join(root, 'src')), {
      provides: {
        elements: ['decide-compare-page'],
        events: ['decide:compared'],
        parts: { pages: ['compare', 'product'], fragments: ['decide-badge'] },
        contract: CONTRACT_VERSIONS.decide,
      },
      uses: {
        elements: ['checkout-mini-cart', 'explore-store-picker', 'inspire-recommendations'],
        events: ['checkout:cart-updated', 'explore:store-selected'],
      },
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
