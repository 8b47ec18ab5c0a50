// single-spa lifecycles for a page written in Lit. single-spa-layout gives each application a container
// <div id="single-spa-application:<name>">; we render the page's template into it with Lit's render().
import { nothing, render, type TemplateResult } from 'lit';
import type { LifeCycles } from 'single-spa';

function container(name: string): HTMLElement {
  const element = document.getElementById(`single-spa-application:${name}`);
  if (!element) throw new Error(`No container for the application ${name} in the layout.`);
  return element;
}

export function pageApplication(template: () => TemplateResult): LifeCycles {
  const ready = () => Promise.resolve();
  return {
    bootstrap: ready,
    // single-spa 7 renames bootstrap to init; exporting both keeps the module working on either.
    init: ready,
    mount: async ({ name }) => {
      render(template(), container(name));
    },
    unmount: async ({ name }) => {
      // Lit caches its render state on the container: render nothing rather than emptying the element.
      render(nothing, container(name));
    },
  } as LifeCycles;
}
