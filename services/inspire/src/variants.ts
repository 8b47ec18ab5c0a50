// Inspire's data access: the variants and their colours, from its own schema.
import type { Queryable } from '@tractor/chassis';
import type { VariantData } from './data.js';

export class Variants {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Every variant, in catalogue order. */
  async all(): Promise<VariantData[]> {
    const rows = await this.#db.query<{
      sku: string;
      product_id: string;
      name: string;
      red: number;
      green: number;
      blue: number;
    }>('SELECT sku, product_id, name, red, green, blue FROM variant ORDER BY position');
    return rows.map((r) => ({
      sku: r.sku,
      productId: r.product_id,
      name: r.name,
      rgb: [r.red, r.green, r.blue],
    }));
  }
}
