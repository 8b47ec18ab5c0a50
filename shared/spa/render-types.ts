// What a team's server-side rendering module (microfrontends/<team>/src/ssr.ts) provides: per page and per
// fragment, the element it is and the data it is rendered with. Types only: the rendering itself is the
// service chassis's (chassis/render.ts), and the team's views stay browser code.

/** What a page or fragment shows: its element, the attributes it has, the data it was rendered with. */
export interface ElementRender {
  readonly tag: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly seed?: unknown;
  /**
   * How long the shell may reuse this render for the same URL and attributes (seconds): only for parts that
   * are the same for every shopper and change only with a deploy (catalog data, the frame). Unset: every page
   * asks again (a cart, stock).
   */
  readonly maxAge?: number;
  /**
   * The part is the shopper's own (it is rendered from their cookie, like a cart): maxAge then holds only for
   * shoppers without a cookie, who all see the same (an empty cart); a shopper with one is rendered every time.
   */
  readonly perShopper?: boolean;
  /**
   * The URL names nothing this page knows (an unknown product, an unknown category): the page is still
   * rendered (its "not found" view), and the shell answers the page with this HTTP status.
   */
  readonly status?: 404;
}

export interface RenderContext {
  /** The page's URL (path and query) as the shopper asked for it. */
  readonly url: URL;
  /** A fetch that answers the team's own API in-process (the shopper's cookie included). */
  readonly fetch: typeof fetch;
}

/**
 * A page's or fragment's render: the element and its seed, loaded through the team's own client. undefined:
 * this part is not server-rendered (the browser renders it, as without a server).
 */
export type Renderer = (
  context: RenderContext,
  /** A fragment's attributes, as the page that holds it wrote them; {} for a page. */
  attributes: Readonly<Record<string, string>>,
) => Promise<ElementRender | undefined>;

export interface TeamRenderer {
  readonly pages: Readonly<Record<string, Renderer>>;
  readonly fragments: Readonly<Record<string, Renderer>>;
}
