// Views in Node: what a shopper sees of a team's Lit element in each state — before its data (initial), while
// it loads (pending), with its data (complete), and when the load failed (error) — as text, rendered by Lit SSR,
// the machinery the teams' server bundles render with (shared/spa/server-render.ts).
//
// Node has no DOM to connect an element to, so mountView() does by hand what Lit does in a browser page: it
// constructs the element (its controllers come with it), connects its controllers and runs their update hooks
// whenever the element asks for an update; render() renders the element's template at that moment. The page
// around it is a stand-in: a window (location, history, events), a document only as far as single-spa's
// navigateToUrl needs one, and a fetch that resolves the views' same-origin paths against the page's URL, so
// the teams' browser clients reach the msw mocks of serveMocks(). renderOnServer() is the other way in: a
// team's renderer (its ssr.ts) rendered as the shell asks for it.
import { after, afterEach, before } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { Task, TaskStatus } from '@lit/task';
import type { LitElement, ReactiveController } from 'lit';
import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { ROUTING_EVENT } from '../spa/location-controller.js';
import type { TeamRenderer } from '../spa/render-types.js';
import { serverBundle, type PartKind } from '../spa/server-render.js';

/** Where the views' pages are, in tests. */
export const ORIGIN = 'http://shop.test';

// ---------------------------------------------------------------------------------------------------------------
// What a render shows

/** A render as a shopper meets it: its text, and what assistive technology and the buttons and links say. */
export interface Shown {
  /** The markup, without Lit's part markers: as the DOM holds it. */
  readonly html: string;
  /** The text of the render, whitespace collapsed (what is read on screen, visually hidden status text included). */
  readonly text: string;
  /** aria-label values, in order: the names of things that have no text (a loading placeholder, an icon link). */
  readonly labels: readonly string[];
  readonly buttons: readonly { readonly text: string; readonly disabled: boolean }[];
  readonly links: readonly { readonly text: string; readonly href: string }[];
  /** Something in it says it is still loading (aria-busy="true"). */
  readonly busy: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/** Emphasis within a sentence: its text runs on with its neighbours'. Other elements stand apart. */
const INLINE = new Set(['abbr', 'b', 'code', 'em', 'i', 'small', 'strong', 'sub', 'sup']);

/**
 * Markup → the text in it, as read: no comments, Lit's markers, styles or scripts; elements apart by a space
 * (a link in a sentence too: no space before the punctuation after it), emphasis run on.
 */
function textOf(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->|<\?[^>]*>/g, '')
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_, tag: string) =>
      INLINE.has(tag.toLowerCase()) ? '' : ' ',
    );
  return decode(text)
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}

const attribute = (attributes: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes);
  return match ? decode(match[1]!) : undefined;
};

/** What a piece of server-rendered markup shows. */
export function shown(markup: string): Shown {
  const html = markup.replace(/<!--[\s\S]*?-->|<\?[^>]*>/g, '');
  return {
    html,
    text: textOf(html),
    labels: [...html.matchAll(/\saria-label="([^"]*)"/g)].map((m) => decode(m[1]!)),
    buttons: [...html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button\s*>/g)].map((m) => ({
      text: textOf(m[2]!),
      disabled: /\sdisabled(?=[\s=>]|$)/.test(m[1]!),
    })),
    links: [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/g)].map((m) => ({
      text: textOf(m[2]!),
      href: attribute(m[1]!, 'href') ?? '',
    })),
    busy: /\saria-busy="true"/.test(html),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The page around a view: window and same-origin fetch

/** The browser window as the views use it: its URL, single-spa's routing events, history.pushState. */
export class TestWindow extends EventTarget {
  readonly location: { href: string };
  /** The URLs pushed to the history (single-spa's navigateToUrl), in order. */
  readonly pushed: string[] = [];
  readonly history = {
    pushState: (_state: unknown, _title: string, url: string) => {
      this.location.href = new URL(url, this.location.href).href;
      this.pushed.push(url);
    },
  };

  constructor(href: string) {
    super();
    this.location = { href };
  }
}

/**
 * The document, as far as single-spa's navigateToUrl uses it: an <a> that resolves a URL against the page's.
 * Nothing else: a view that reaches for the DOM fails loudly here.
 */
class TestDocument {
  readonly #window: TestWindow;
  constructor(window: TestWindow) {
    this.#window = window;
  }
  createElement(tag: string) {
    if (tag !== 'a') throw new Error(`the test page's document makes no <${tag}>`);
    const base = () => this.#window.location.href;
    return new (class {
      host = '';
      pathname = '';
      search = '';
      hash = '';
      set href(value: string) {
        ({
          host: this.host,
          pathname: this.pathname,
          search: this.search,
          hash: this.hash,
        } = new URL(value, base()));
      }
    })();
  }
}

type Global = { window?: unknown; document?: unknown; fetch: typeof fetch };
const global = globalThis as unknown as Global;

// ---------------------------------------------------------------------------------------------------------------
// A mounted view

const captured = new WeakMap<object, ReactiveController[]>();
const updateRequested = new WeakMap<object, () => void>();
/** Per element class, the class that records what its instances do. */
const probes = new WeakMap<CustomElementConstructor, new () => LitElement>();

function probeOf(tag: string): new () => LitElement {
  const element = customElements.get(tag) as (new () => LitElement) | undefined;
  if (!element) throw new Error(`<${tag}> is not defined: import its view module first`);
  let probe = probes.get(element);
  if (!probe) {
    // The element's own class, recording its controllers (they add themselves while it is constructed) and its
    // requests for an update, which the view then runs as Lit would.
    probe = class extends element {
      override addController(controller: ReactiveController) {
        const list = captured.get(this) ?? [];
        list.push(controller);
        captured.set(this, list);
        super.addController(controller);
      }

      override requestUpdate(...args: Parameters<LitElement['requestUpdate']>) {
        super.requestUpdate(...args);
        updateRequested.get(this)?.();
      }
    };
    probes.set(element, probe);
  }
  return probe;
}

export interface MountOptions<E extends LitElement> {
  /** The page's URL (path and query, or absolute); '/' if not given. */
  readonly url?: string;
  /** The data the element was server-rendered with (its `seed` property). */
  readonly seed?: unknown;
  /** Properties the page sets on it (its attributes), before it is connected. */
  readonly properties?: Partial<E>;
}

let mounted: MountedView<LitElement> | undefined;

/**
 * A view's element on a stand-in page at `url`, constructed but not yet connected: its render is the initial
 * state. One at a time (the page's window and fetch are global); unmount() it, or let serveMocks() do so.
 */
export function mountView<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: MountOptions<HTMLElementTagNameMap[K] & LitElement> = {},
): MountedView<HTMLElementTagNameMap[K] & LitElement> {
  if (mounted) throw new Error('a view is still mounted: unmount it first');
  const view = new MountedView<HTMLElementTagNameMap[K] & LitElement>(tag, options);
  mounted = view;
  return view;
}

export class MountedView<E extends LitElement> {
  readonly element: E;
  readonly window: TestWindow;
  readonly #fetch: typeof fetch;
  #inFlight = 0;
  #updateQueued = false;
  #connected = false;
  #updated = false;

  constructor(tag: string, options: MountOptions<E>) {
    this.window = new TestWindow(new URL(options.url ?? '/', ORIGIN).href);
    this.#fetch = global.fetch;
    global.window = this.window;
    global.document = new TestDocument(this.window);
    global.fetch = (input, init) => this.#sameOrigin(input, init);
    try {
      const Probe = probeOf(tag);
      this.element = new Probe() as E;
      if (options.seed !== undefined) (this.element as unknown as { seed: unknown }).seed = options.seed;
      Object.assign(this.element, options.properties);
    } catch (error) {
      this.#leavePage();
      throw error;
    }
    updateRequested.set(this.element, () => this.#queueUpdate());
  }

  /** Every controller the element holds (its own and their inner ones, e.g. each @lit/task Task). */
  get controllers(): readonly ReactiveController[] {
    return captured.get(this.element) ?? [];
  }

  /** The element's controller of this class (to do what a click or a keystroke in it would). */
  controller<C extends ReactiveController>(type: abstract new (...args: never[]) => C): C {
    const found = this.controllers.find((c): c is C => c instanceof type);
    if (!found) throw new Error(`the element holds no ${type.name}`);
    return found;
  }

  /** What the element shows now: its template, rendered by Lit SSR. */
  render(): Shown {
    const template = (this.element as unknown as { render(): unknown }).render();
    return shown(collectResultSync(render(template)));
  }

  /** Added to the page: its controllers connect, then its first update (which starts its loads) runs. */
  connect(): this {
    this.#connected = true;
    for (const controller of this.controllers) controller.hostConnected?.();
    this.#update();
    return this;
  }

  /** The shopper moved on within the page (single-spa's routing event): the element stays mounted. */
  navigate(url: string): this {
    this.window.location.href = new URL(url, this.window.location.href).href;
    this.window.dispatchEvent(new Event(ROUTING_EVENT));
    if (this.#updateQueued) this.#update();
    return this;
  }

  /** Something is loading: one of its tasks runs, or a request it made has not been answered yet. */
  get loading(): boolean {
    return (
      this.#inFlight > 0 || this.controllers.some((c) => c instanceof Task && c.status === TaskStatus.PENDING)
    );
  }

  /**
   * Waits until nothing is loading and every update the element asked for has run. (A wait between two requests
   * outside a task — a client's retry of a 503 — looks like rest: fail such a load with a status not retried.)
   */
  async settle(timeoutMs = 3000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    for (let quiet = 0; quiet < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      quiet = this.loading || this.#updateQueued ? 0 : quiet + 1;
      if (Date.now() > deadline) throw new Error(`the view still loads after ${timeoutMs} ms`);
    }
    return this;
  }

  /** Removed from the page: its controllers disconnect (closing what they opened); the page goes too. */
  unmount(): void {
    if (this.#connected) for (const controller of this.controllers) controller.hostDisconnected?.();
    this.#connected = false;
    updateRequested.delete(this.element);
    this.#leavePage();
    if (mounted === (this as unknown)) mounted = undefined;
  }

  #leavePage() {
    global.fetch = this.#fetch;
    if (global.window === this.window) {
      delete global.window;
      delete global.document;
    }
  }

  /**
   * Lit's update, without the DOM: each controller's hostUpdate, then (after the render) its hostUpdated, and
   * after the first one the element's firstUpdated. Not its updated(): that is where an element works on its DOM.
   */
  #update() {
    this.#updateQueued = false;
    for (const controller of this.controllers) controller.hostUpdate?.();
    for (const controller of this.controllers) controller.hostUpdated?.();
    if (this.#updated) return;
    this.#updated = true;
    (this.element as unknown as { firstUpdated(changed: Map<PropertyKey, unknown>): void }).firstUpdated(
      new Map(),
    );
  }

  #queueUpdate() {
    if (!this.#connected || this.#updateQueued) return;
    this.#updateQueued = true;
    queueMicrotask(() => {
      if (this.#connected) this.#update();
    });
  }

  /** The page's fetch: a path is on the page's origin; the answer is read in full before it counts as there. */
  async #sameOrigin(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? new URL(input, this.window.location.href) : input;
    this.#inFlight++;
    try {
      const response = await this.#fetch(url, init);
      const body = await response.arrayBuffer();
      const { status, statusText, headers } = response;
      return new Response(status === 204 || status === 304 ? null : body, { status, statusText, headers });
    } finally {
      this.#inFlight--;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mocks and the server's render

/**
 * The teams' APIs answered by msw `handlers` for this test file (in-process, as in the controller tests); after
 * each test the handlers are reset and a view left mounted is unmounted.
 */
export function serveMocks(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    mounted?.unmount();
    server.resetHandlers();
  });
  after(() => server.close());
  return server;
}

/** A part as the shell gets it from the team's server bundle: what it shows, or undefined if not rendered. */
export async function renderOnServer(
  renderer: TeamRenderer,
  kind: PartKind,
  name: string,
  options: { readonly url?: string; readonly attributes?: Readonly<Record<string, string>> } = {},
): Promise<(Shown & { readonly status: 404 | undefined }) | undefined> {
  if (mounted) throw new Error('a view is mounted: the server has no window, unmount it first');
  const url = new URL(options.url ?? '/', ORIGIN);
  const context = {
    url,
    fetch: ((input, init) => fetch(new URL(String(input), ORIGIN), init)) as typeof fetch,
  };
  const part = await serverBundle(renderer).render(kind, name, context, options.attributes ?? {});
  return part && { ...shown(part.inner), status: part.status };
}
