import type { Recommendation } from '@tractor/shared/contracts/inspire';
import { pictureUrl } from '@tractor/shared/pictures';

// Recommendations by colour: average the colours of the given SKUs and return the variants nearest to that
// colour (Euclidean RGB distance), leaving out the given SKUs. Ties keep catalog order. Without any known
// SKU there is no colour to compare with, so the first variants of the catalog stand in. Plain functions: the
// service runs them on its database's variants, Inspire's mock on the same data module (src/data.ts).

export interface ColouredVariant {
  readonly sku: string;
  readonly rgb: readonly [number, number, number];
}

export function recommend<V extends ColouredVariant>(
  catalog: readonly V[],
  skus: readonly string[],
  count = 4,
): V[] {
  const given = new Set(skus);
  const known = catalog.filter((v) => given.has(v.sku));
  const candidates = catalog.filter((v) => !given.has(v.sku));
  if (known.length === 0) return candidates.slice(0, count);

  const average = [0, 1, 2].map((i) => known.reduce((sum, v) => sum + v.rgb[i]!, 0) / known.length);
  const distance = (v: V) => Math.hypot(...v.rgb.map((channel, i) => channel - average[i]!));
  return candidates
    .map((variant, position) => ({ variant, position, distance: distance(variant) }))
    .sort((a, b) => a.distance - b.distance || a.position - b.position)
    .slice(0, count)
    .map((c) => c.variant);
}

/** A variant as the contract shows it: its product page (with the variant chosen) and its picture. */
export function toRecommendation(variant: {
  readonly sku: string;
  readonly productId: string;
  readonly name: string;
}): Recommendation {
  const { sku, productId, name } = variant;
  return { sku, name, url: `/product/${productId}?sku=${sku}`, image: pictureUrl('product', sku) };
}
