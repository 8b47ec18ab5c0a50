// Identifiers every team uses for the same things: product ids (CL-01) and SKUs (CL-01-GR).
import * as z from 'zod/mini';

export const SKU_PATTERN = /^[A-Z]{2}-\d{2}-[A-Z]{2}$/;
export const Sku = z.string().check(z.regex(SKU_PATTERN, 'must be a SKU like CL-01-GR'));
export const ProductId = z.string().check(z.regex(/^[A-Z]{2}-\d{2}$/, 'must be a product id like CL-01'));
export const StoreId = z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,40}$/, 'must be a store id like store-a (a-z, 0-9, -; at most 40)'));
