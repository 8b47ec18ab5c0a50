// The product page's state: which product the URL names, and which of its variants is selected.
// Plain TypeScript: no Lit, no DOM.
import type { Product, Variant } from '@tractor/shared/contracts/decide';
import { HttpError } from '@tractor/shared/contracts/http';

/** "/product/CL-01?sku=CL-01-GY" → { id: "CL-01", sku: "CL-01-GY" }. */
export function productRoute(url: URL): { id: string | undefined; sku: string | null } {
  const [, section, id] = url.pathname.split('/');
  return {
    id: section === 'product' && id ? decodeURIComponent(id) : undefined,
    sku: url.searchParams.get('sku'),
  };
}

/** Decide's answer for an id it has no product for (unknown: 404; not even an id's shape: 400). */
export const namesNoProduct = (error: unknown): boolean =>
  error instanceof HttpError && (error.status === 404 || error.status === 400);

export const variantUrl = (product: Product, variant: Variant) =>
  `/product/${encodeURIComponent(product.id)}?sku=${encodeURIComponent(variant.sku)}`;

export class ProductSelection extends EventTarget {
  readonly product: Product;
  #selected: Variant;

  constructor(product: Product, sku?: string | null) {
    super();
    if (product.variants.length === 0) throw new Error(`Product ${product.id} has no variants.`);
    this.product = product;
    this.#selected = this.#find(sku);
  }

  get selected(): Variant {
    return this.#selected;
  }

  /** The shopper picked a variant (by SKU). No or an unknown SKU selects the first variant. */
  selectVariant(sku: string | null | undefined): Variant {
    const next = this.#find(sku);
    if (next !== this.#selected) {
      this.#selected = next;
      this.dispatchEvent(new Event('change'));
    }
    return next;
  }

  #find(sku: string | null | undefined): Variant {
    return this.product.variants.find((v) => v.sku === sku) ?? this.product.variants[0]!;
  }
}
