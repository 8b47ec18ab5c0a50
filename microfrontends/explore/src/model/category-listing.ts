// What the category page shows, derived from the URL and Explore's answer. Plain TypeScript: no Lit, no DOM.
import { CategoryKey, type Category, type ProductTile } from '@tractor/shared/contracts/explore';
import { formatStartPrice } from './price.js';

export const ALL_MACHINES = 'All Machines';

/** "/products/classic" → "classic"; no or an unknown category → undefined (all machines). */
export function categoryFromPath(pathname: string): CategoryKey | undefined {
  const [, section, key] = pathname.split('/');
  if (section !== 'products') return undefined;
  const parsed = CategoryKey.safeParse(key);
  return parsed.success ? parsed.data : undefined;
}

/** "/products/tanks": the path names a category there is none of (the page shows all machines, as a 404). */
export function namesUnknownCategory(pathname: string): boolean {
  const [, section, key] = pathname.split('/');
  return section === 'products' && Boolean(key) && categoryFromPath(pathname) === undefined;
}

export interface Filter {
  readonly label: string;
  readonly href: string;
  readonly active: boolean;
}

export interface Tile {
  readonly name: string;
  readonly url: string;
  readonly image: string;
  readonly price: string;
}

export interface ProductsAnswer {
  readonly category: Category | null;
  readonly categories: readonly Category[];
  readonly products: readonly ProductTile[];
}

export class CategoryListing {
  readonly #answer: ProductsAnswer;

  constructor(answer: ProductsAnswer) {
    this.#answer = answer;
  }

  get title(): string {
    return this.#answer.category?.name ?? ALL_MACHINES;
  }

  get countLabel(): string {
    const n = this.#answer.products.length;
    return `${n} ${n === 1 ? 'product' : 'products'}`;
  }

  get filters(): Filter[] {
    const active = this.#answer.category?.key;
    return [
      { label: 'All', href: '/products', active: active === undefined },
      ...this.#answer.categories.map((c) => ({
        label: c.name,
        href: `/products/${c.key}`,
        active: c.key === active,
      })),
    ];
  }

  get tiles(): Tile[] {
    return this.#answer.products.map((p) => ({
      name: p.name,
      url: p.url,
      image: p.image,
      price: formatStartPrice(p.startPrice),
    }));
  }
}
