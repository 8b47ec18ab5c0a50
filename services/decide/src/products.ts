// Decide's data access: every query the service runs, in SQL, against its own schema.
import type { Queryable } from '@tractor/chassis';
import type { Product } from '@tractor/shared/contracts/decide';
import { productOf } from './data.js';

export class Products {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async byId(id: string): Promise<Product | undefined> {
    const [product] = await this.#db.query<{ id: string; name: string; category: string }>(
      'SELECT id, name, category FROM product WHERE id = $1',
      [id],
    );
    if (!product) return undefined;
    const [highlights, variants] = await Promise.all([
      this.#db.query<{ position: number; text: string }>(
        'SELECT position, text FROM highlight WHERE product_id = $1 ORDER BY position',
        [id],
      ),
      this.#db.query<{ sku: string; name: string; colour: string; price: number; position: number }>(
        'SELECT sku, name, colour, price, position FROM variant WHERE product_id = $1 ORDER BY position',
        [id],
      ),
    ]);
    return productOf(product, highlights, variants);
  }
}
