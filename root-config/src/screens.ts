// What the layout shows while a page's module loads, and when it cannot load. The header and footer stay.
export const loadingScreen = `<div class="shell-screen shell-loading" role="status">Loading…</div>`;

export const errorScreen = `<section class="shell-screen" role="alert">
  <h1>This page is not available right now</h1>
  <p>Part of the store could not be loaded. Everything else still works — please try again in a moment.</p>
  <p><a href="">Try again</a> · <a href="/">Back to the shop</a></p>
</section>`;
