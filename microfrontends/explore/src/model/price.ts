/** Explore shows start prices with two decimals and a comma: 5700 → "5700,00 Ø". */
export function formatStartPrice(amount: number): string {
  return `${amount.toFixed(2).replace('.', ',')} Ø`;
}
