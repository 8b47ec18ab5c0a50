/** Checkout shows whole prices with the currency sign: 5700 → "5700 Ø". */
export const formatPrice = (amount: number) => `${amount} Ø`;

/** What the add-to-cart fragment says about stock. */
export const stockLabel = (stock: number) =>
  stock > 0 ? `${stock} in stock, free shipping` : 'out of stock';
