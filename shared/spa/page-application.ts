// single-spa lifecycles for a page written in Lit. single-spa-layout gives each application a container
// <div id="single-spa-application:<name>">; we render the page's template into it with Lit's render().
import { nothing, render, type TemplateResult } from 'lit';
import type { LifeCycles } from 'single-spa';
import { buildLabel, testFault } from './build-label.js';

/** Containers whose content the server rendered: Lit never rendered into them. */
const adopted = new WeakSet<HTMLElement>();

function container(name: string): HTMLElement {
  const element = document.getElementById(`single-spa-application:${name}`);
  if (!element) throw new Error(`No container for the application ${name} in the layout.`);
  return element;
}

/**
 * @param template what to render into the application's container
 * @param load     the page's code, when it lives in a lazy chunk: loaded once, before the first mount
 */
export function pageApplication(template: () => TemplateResult, load?: () => Promise<unknown>): LifeCycles {
  const ready = async () => {
    await load?.();
  };
  return {
    bootstrap: ready,
    // single-spa 7 renames bootstrap to init; exporting both keeps the module working on either.
    init: ready,
    mount: async ({ name }) => {
      const element = container(name);
      // A labelled build (a canary) says so on its page when team boundaries are shown.
      if (buildLabel) element.dataset.buildLabel = buildLabel;
      if (testFault === 'throw') plantErrors();
      // Server-rendered: the page's element is there already and hydrates itself when its class is defined.
      if (element.hasAttribute('data-ssr')) {
        element.removeAttribute('data-ssr');
        adopted.add(element);
        return;
      }
      render(template(), element);
    },
    unmount: async ({ name }) => {
      const element = container(name);
      if (adopted.delete(element)) {
        element.replaceChildren();
        return;
      }
      // Lit caches its render state on the container: render nothing rather than emptying the element.
      render(nothing, element);
    },
  } as LifeCycles;
}

/** The "throw" test fault: one error from the team's own code, one from inside Lit (a shared library). */
function plantErrors() {
  setTimeout(() => {
    throw new Error('planted by a test: the page throws');
  });
  setTimeout(() => render(nothing, null as unknown as HTMLElement));
}
