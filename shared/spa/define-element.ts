import { testFault } from './build-label.js';

/** Defines a custom element once: a module evaluated twice (or two versions) must not throw. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  if (testFault === 'slow-click') plantSlowClicks(element);
  customElements.define(tag, element);
}

/** The "slow-click" test fault: each click on the element blocks the main thread for 300 ms. */
function plantSlowClicks(element: CustomElementConstructor) {
  const prototype = element.prototype as HTMLElement & { connectedCallback?: () => void };
  const connected = prototype.connectedCallback;
  prototype.connectedCallback = function (this: HTMLElement) {
    connected?.call(this);
    this.addEventListener('click', () => {
      const end = performance.now() + 300;
      while (performance.now() < end);
    });
  };
}
