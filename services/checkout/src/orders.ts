// Checkout's data access: what a variant costs and how many are left, the cart's lines, and placing an order.
import type { Database, Queryable } from '@tractor/chassis';
import type { CartLine, Offer, Order, OrderRequest } from '@tractor/shared/contracts/checkout';
import { pictureUrl } from '@tractor/shared/pictures';
import type { CartItems } from './cart-cookie.js';

interface VariantRow {
  sku: string;
  product_id: string;
  name: string;
  price: number;
  stock: number;
}

export class OutOfStock extends Error {
  readonly sku: string;
  readonly left: number;
  constructor(sku: string, left: number) {
    super(left === 0 ? `${sku} is out of stock.` : `Only ${left} of ${sku} left.`);
    this.sku = sku;
    this.left = left;
  }
}

/** Another request with the same idempotency key made the order first. */
class AlreadyOrdered extends Error {}

const line = (v: Pick<VariantRow, 'sku' | 'product_id' | 'name' | 'price'>, quantity: number): CartLine => ({
  sku: v.sku,
  productId: v.product_id,
  name: v.name,
  image: pictureUrl('product', v.sku),
  url: `/product/${v.product_id}?sku=${v.sku}`,
  unitPrice: v.price,
  quantity,
  lineTotal: v.price * quantity,
});

const summary = (lines: CartLine[]) => ({
  lines,
  quantity: lines.reduce((n, l) => n + l.quantity, 0),
  total: lines.reduce((n, l) => n + l.lineTotal, 0),
});

export class Orders {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async offer(sku: string): Promise<Offer | undefined> {
    const [row] = await this.#db.query<VariantRow>('SELECT sku, price, stock FROM variant WHERE sku = $1', [
      sku,
    ]);
    return row && { sku: row.sku, price: row.price, stock: row.stock };
  }

  /** The cart's lines, in the order added. SKUs the catalog no longer sells are left out. */
  async cart(items: CartItems) {
    const rows = await this.#variants(this.#db, [...items.keys()]);
    const lines = [...items].flatMap(([sku, quantity]) => {
      const row = rows.get(sku);
      return row ? [line(row, quantity)] : [];
    });
    return summary(lines);
  }

  async variant(sku: string) {
    return (await this.#variants(this.#db, [sku])).get(sku);
  }

  async orderByKey(key: string): Promise<Order | undefined> {
    const [order] = await this.#db.query<{ id: string; store_id: string }>(
      'SELECT id::text, store_id FROM customer_order WHERE idempotency_key = $1',
      [key],
    );
    if (!order) return undefined;
    const lines = await this.#db.query<{
      sku: string;
      product_id: string;
      name: string;
      unit_price: number;
      quantity: number;
    }>(
      `SELECT l.sku, v.product_id, l.name, l.unit_price, l.quantity
         FROM order_line l JOIN variant v USING (sku) WHERE l.order_id = $1 ORDER BY l.sku`,
      [order.id],
    );
    return {
      id: order.id,
      storeId: order.store_id,
      ...summary(lines.map((l) => line({ ...l, price: l.unit_price }, l.quantity))),
    };
  }

  /**
   * One transaction: takes each line's quantity from stock only if that much is left (never below zero),
   * prices the lines from Checkout's own data, and stores the order with its lines. An out-of-stock line
   * rolls everything back. The same idempotency key twice gives the first order back.
   */
  async place(request: OrderRequest, items: CartItems): Promise<{ order: Order; created: boolean }> {
    try {
      const order = await this.#db.transaction(async (tx) => {
        const lines: CartLine[] = [];
        // A fixed order of row locks: two orders of the same SKUs cannot deadlock on PostgreSQL.
        for (const sku of [...items.keys()].sort()) {
          const quantity = items.get(sku)!;
          const [taken] = await tx.query<VariantRow>(
            `UPDATE variant SET stock = stock - $2 WHERE sku = $1 AND stock >= $2
             RETURNING sku, product_id, name, price, stock`,
            [sku, quantity],
          );
          if (!taken) {
            const [left] = await tx.query<{ stock: number }>('SELECT stock FROM variant WHERE sku = $1', [
              sku,
            ]);
            throw new OutOfStock(sku, left?.stock ?? 0);
          }
          lines.push(line(taken, quantity));
        }
        const placed = summary(lines);
        // The order and its lines in one statement (one round trip, whatever the number of lines).
        const [stored] = await tx.query<{ id: string }>(
          `WITH o AS (
             INSERT INTO customer_order (idempotency_key, first_name, last_name, store_id, total)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id
           ), l AS (
             INSERT INTO order_line (order_id, sku, name, unit_price, quantity, line_total)
             SELECT o.id, l.sku, l.name, l.unit_price, l.quantity, l.line_total
               FROM o, unnest($6::text[], $7::text[], $8::int[], $9::int[], $10::int[])
                    AS l (sku, name, unit_price, quantity, line_total)
           )
           SELECT id::text FROM o`,
          [
            request.idempotencyKey,
            request.firstName,
            request.lastName,
            request.storeId,
            placed.total,
            lines.map((l) => l.sku),
            lines.map((l) => l.name),
            lines.map((l) => l.unitPrice),
            lines.map((l) => l.quantity),
            lines.map((l) => l.lineTotal),
          ],
        );
        if (!stored) throw new AlreadyOrdered();
        // What was stored is what was computed here: no need to read it back.
        return { id: stored.id, storeId: request.storeId, ...placed };
      });
      return { order, created: true };
    } catch (error) {
      if (!(error instanceof AlreadyOrdered)) throw error;
      return { order: (await this.orderByKey(request.idempotencyKey))!, created: false };
    }
  }

  async #variants(q: Queryable, skus: string[]): Promise<Map<string, VariantRow>> {
    if (skus.length === 0) return new Map();
    const rows = await q.query<VariantRow>(
      'SELECT sku, product_id, name, price, stock FROM variant WHERE sku = ANY($1::text[])',
      [skus],
    );
    return new Map(rows.map((r) => [r.sku, r]));
  }
}
