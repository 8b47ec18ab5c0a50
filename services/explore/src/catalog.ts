// Explore's data access: every query the service runs, in SQL, against its own schema.
import type { Queryable } from '@tractor/shared/service';
import type { Category, CategoryKey, ProductTile, Store, Teaser } from '@tractor/shared/contracts/explore';

const productImage = (sku: string) => `/cdn/img/product/${sku}.svg`;
const storeImage = (id: string) => `/cdn/img/store/${id}.svg`;
const sceneImage = (scene: string) => `/cdn/img/scene/${scene}.svg`;

export class Catalog {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async teasers(): Promise<Teaser[]> {
    const rows = await this.#db.query<{ title: string; url: string; scene: string }>(
      'SELECT title, url, scene FROM teaser ORDER BY position',
    );
    return rows.map((r) => ({ title: r.title, url: r.url, image: sceneImage(r.scene) }));
  }

  async categories(): Promise<Category[]> {
    return this.#db.query<Category>('SELECT key, name FROM category ORDER BY position');
  }

  async products(
    category: CategoryKey | undefined,
    sort: 'price-desc' | 'price-asc',
  ): Promise<ProductTile[]> {
    const direction = sort === 'price-asc' ? 'ASC' : 'DESC';
    const rows = await this.#db.query<{ id: string; name: string; start_price: number; image_sku: string }>(
      `SELECT id, name, start_price, image_sku FROM product
        WHERE $1::text IS NULL OR category_key = $1
        ORDER BY start_price ${direction}, position`,
      [category ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      url: `/product/${r.id}`,
      image: productImage(r.image_sku),
      startPrice: r.start_price,
    }));
  }

  async stores(): Promise<Store[]> {
    const rows = await this.#db.query<Omit<Store, 'image'>>(
      'SELECT id, name, street, city FROM store ORDER BY position',
    );
    return rows.map((r) => ({ ...r, image: storeImage(r.id) }));
  }

  async store(id: string): Promise<Store | undefined> {
    const [row] = await this.#db.query<Omit<Store, 'image'>>(
      'SELECT id, name, street, city FROM store WHERE id = $1',
      [id],
    );
    return row && { ...row, image: storeImage(row.id) };
  }
}
