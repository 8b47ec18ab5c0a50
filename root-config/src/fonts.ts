// The shop's font, Inter, shows only on pages loaded once it is cached. A first view uses the system font: its
// bandwidth goes to the pictures, not to 46 KB of fonts that `font-display: optional` would seldom show on a
// slow first load anyway (measured: they shared the link with the tiles and held back the largest paint).
// Once the page works and the browser is idle, the fonts are fetched into the cache and that is remembered;
// the next page load's head script (index.html) then sets the class that names Inter, before its first paint.
// The page that fetched them never switches: text that changes its font would move.
const KEY = 'tractor:fonts';

/** The faces shell.css declares, as FontFaceSet.load() asks for them. */
const FACES = ['400 1em Inter', '700 1em Inter'];

export function warmFonts() {
  try {
    if (localStorage.getItem(KEY) === 'cached') return;
  } catch {
    return; // no storage: nothing could remember the fonts, so the system font it stays, with no download
  }
  const fetchFonts = () =>
    void Promise.all(FACES.map((face) => document.fonts.load(face)))
      .then(() => localStorage.setItem(KEY, 'cached'))
      .catch(() => undefined); // not fetched or not remembered: tried again on the next page
  // Safari has no requestIdleCallback: a second after the page works will do there.
  if ('requestIdleCallback' in window) requestIdleCallback(fetchFonts, { timeout: 3000 });
  else setTimeout(fetchFonts, 1000);
}
