// The checkout form's state: the shopper's names and chosen pickup store, checked with the same schema the
// service checks them with. Plain TypeScript: no Lit, no DOM.
import { OrderRequest } from '@tractor/shared/contracts/checkout';

export type Field = 'firstName' | 'lastName' | 'storeId';

export class CheckoutForm extends EventTarget {
  readonly #values: Record<Field, string> = { firstName: '', lastName: '', storeId: '' };
  readonly #touched = new Set<Field>();
  /** One key per checkout: a double click or a retry sends the same order, which the service makes once. */
  readonly idempotencyKey: string;

  constructor(idempotencyKey: string = crypto.randomUUID()) {
    super();
    this.idempotencyKey = idempotencyKey;
  }

  value(field: Field): string {
    return this.#values[field];
  }

  /** The shopper typed into a field. */
  enter(field: Exclude<Field, 'storeId'>, value: string) {
    this.#values[field] = value;
    this.#touched.add(field);
    this.#changed();
  }

  /** The shopper picked a pickup store in Explore's store picker. */
  chooseStore(storeId: string) {
    this.#values.storeId = storeId;
    this.#touched.add('storeId');
    this.#changed();
  }

  /** The order to send, or undefined while something is missing or wrong. */
  get order(): OrderRequest | undefined {
    const parsed = OrderRequest.safeParse({ ...this.#values, idempotencyKey: this.idempotencyKey });
    return parsed.success ? parsed.data : undefined;
  }

  get complete(): boolean {
    return this.order !== undefined;
  }

  /** What is wrong with a field the shopper has already filled in (nothing for untouched fields). */
  problem(field: Field): string | undefined {
    if (!this.#touched.has(field)) return undefined;
    const parsed = OrderRequest.safeParse({ ...this.#values, idempotencyKey: this.idempotencyKey });
    const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field);
    return issue && (issue.message === 'Invalid input' ? 'is not valid' : issue.message);
  }

  #changed() {
    this.dispatchEvent(new Event('change'));
  }
}
