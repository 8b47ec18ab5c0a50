/** The `skus` attribute of <inspire-recommendations>: "CL-01-GY, AU-07-MT" → ["CL-01-GY", "AU-07-MT"]. */
export function parseSkuList(text: string | null | undefined): string[] {
  const skus = (text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(skus)];
}

export function formatSkuList(skus: readonly string[]): string {
  return skus.join(',');
}
