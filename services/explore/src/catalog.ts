// Explore's data access: every query the service runs, in SQL, against its own schema. Rows are shown by the
// data module's functions, the ones Explore's mock uses.
import type { Queryable } from '@tractor/chassis';
import type { Category, CategoryKey, ProductTile, Store, Teaser } from '@tractor/shared/contracts/explore';
import { categoryOf, storeOf, teaserOf, tileOf, type CategoryRow } from './data.js';

const STORE = 'SELECT id, name, street, city FROM store';

export class Catalog {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async teasers(): Promise<Teaser[]> {
    const rows = await this.#db.query<{ title: string; url: string; scene: string }>(
      'SELECT title, url, scene FROM teaser ORDER BY position',
    );
    return rows.map(teaserOf);
  }

  async categories(): Promise<Category[]> {
    const rows = await this.#db.query<CategoryRow>(
      'SELECT key, name, position FROM category ORDER BY position',
    );
    return rows.map(categoryOf);
  }

  async products(
    category: CategoryKey | undefined,
    sort: 'price-desc' | 'price-asc',
  ): Promise<ProductTile[]> {
    const direction = sort === 'price-asc' ? 'ASC' : 'DESC';
    const rows = await this.#db.query<{ id: string; name: string; startPrice: number; imageSku: string }>(
      `SELECT id, name, start_price AS "startPrice", image_sku AS "imageSku" FROM product
        WHERE $1::text IS NULL OR category_key = $1
        ORDER BY start_price ${direction}, position`,
      [category ?? null],
    );
    return rows.map(tileOf);
  }

  async stores(): Promise<Store[]> {
    const rows = await this.#db.query<Omit<Store, 'image'>>(`${STORE} ORDER BY position`);
    return rows.map(storeOf);
  }

  async store(id: string): Promise<Store | undefined> {
    const [row] = await this.#db.query<Omit<Store, 'image'>>(`${STORE} WHERE id = $1`, [id]);
    return row && storeOf(row);
  }
}
