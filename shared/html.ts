// The one HTML escaper, for the few places that write HTML as strings rather than through a Lit template (the
// gateway's page and layout, a renderer's element tag, the OpenAPI page): text and quoted attribute values
// alike, the five characters Lit's own escaping replaces. `unescapeHtml` reads back what it wrote; `scriptJson`
// is JSON for inside a script element.
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const CHARACTERS: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** JSON to write inside a <script> element: `<` escaped, so nothing in it can close the element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The characters escapeHtml replaces, back (also &#x27;, which parse5 and browsers write for '). */
export const unescapeHtml = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => CHARACTERS[entity] ?? "'");
