// Client-side navigation for plain links: a click on <a href="/stores"> anywhere — also inside a team's
// shadow root — becomes a single-spa navigation instead of a page load. Teams write ordinary links.

/** Files and APIs under these paths are not pages. */
const NOT_A_PAGE = /^\/(cdn|shared)\/|^\/[\w-]+\/(api|static)\//;

export function interceptLinks(navigate: (url: string) => void, doc: Document = document): void {
  doc.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    if (!anchor?.href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download'))
      return;
    const url = new URL(anchor.href);
    const here = doc.location;
    if (url.origin !== here.origin || NOT_A_PAGE.test(url.pathname)) return;
    if (url.pathname === here.pathname && url.search === here.search && url.hash) return; // in-page anchor
    event.preventDefault();
    const newPage = url.pathname !== here.pathname;
    navigate(url.href);
    // A new page starts at the top; another variant of the same page (?sku=) keeps the shopper's place.
    if (newPage) window.scrollTo(0, 0);
  });
}
