// A team's server renderer as one bundle: its ssr.ts ends with `export default serverBundle(renderer)`, and the
// team's production build compiles that into a server entry (tractor-<team>-ssr.<hash>.js) of the same release
// as its browser modules. The team's service loads the bundle of the build the shell asks for, one realm per
// build (chassis/builds.ts), so this module — Node only, the one in shared — is inlined into each bundle with
// the team's views: `withServerUrl` must be the very module those views read the URL from.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ElementRender, RenderContext, TeamRenderer } from './render-types.js';
import { escapeHtml, scriptJson } from '../html.js';
import { withServerUrl } from './location-controller.js';

/**
 * The seed as the script element the server puts inside the element (the browser reads it: seed.ts).
 * `<` is escaped: nothing closes it.
 */
function seedScript(data: unknown): string {
  if (data === undefined) return '';
  return `<script type="application/json" data-seed>${scriptJson(data)}</script>`;
}

/** A part of a page a team renders: one of its pages (by name) or one of its fragments (by tag). */
export type PartKind = 'page' | 'fragment';

/** A rendered part: the element's tag and inside (declarative shadow root + seed), and how to reuse it. */
export interface RenderedPart extends Pick<ElementRender, 'maxAge' | 'perShopper' | 'status'> {
  readonly tag: string;
  readonly inner: string;
}

/** What a server bundle exports: the parts it renders, and the render of one. */
export interface ServerBundle {
  readonly parts: { readonly pages: readonly string[]; readonly fragments: readonly string[] };
  /** undefined: this part is not server-rendered (unknown, or its renderer declined or failed). */
  render(
    kind: PartKind,
    name: string,
    context: RenderContext,
    attributes: Readonly<Record<string, string>>,
  ): Promise<RenderedPart | undefined>;
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** The element's inside, rendered: its declarative shadow root, then its seed script. */
export function renderElement(element: ElementRender, url: URL): string {
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(element.tag))
    throw new Error(`${element.tag} is not a custom element name`);
  const attributes = Object.entries(element.attributes ?? {})
    .filter(([name]) => ATTRIBUTE_NAME.test(name))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const tag = unsafeStatic(element.tag);
  const template = html`<${tag}${unsafeStatic(attributes)} .seed=${element.seed}></${tag}>`;
  const out = withServerUrl(url, () => collectResultSync(render(template)));
  const start = out.indexOf('<template shadowroot');
  const end = out.lastIndexOf('</template>');
  if (start < 0 || end < start) throw new Error(`${element.tag} rendered no shadow root`);
  return minifyStyles(out.slice(start, end + '</template>'.length)) + seedScript(element.seed);
}

/** Each shadow root carries its styles: without the source's indentation they are a third smaller. */
const minifyStyles = (html: string) =>
  html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => {
    const tight = css
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1')
      .trim();
    return `<style>${tight}</style>`;
  });

/** The bundle a team's ssr.ts exports: its renderer's parts, each rendered to markup. */
export function serverBundle(renderer: TeamRenderer): ServerBundle {
  const table = { page: renderer.pages, fragment: renderer.fragments };
  return {
    parts: { pages: Object.keys(renderer.pages), fragments: Object.keys(renderer.fragments) },
    async render(kind, name, context, attributes) {
      const part = Object.hasOwn(table[kind], name) ? table[kind][name] : undefined;
      const element = part && (await part(context, attributes).catch(() => undefined));
      if (!element) return undefined;
      return {
        tag: element.tag,
        inner: renderElement(element, context.url),
        ...(element.status === 404 ? { status: 404 as const } : {}),
        ...(element.maxAge !== undefined ? { maxAge: element.maxAge } : {}),
        ...(element.perShopper ? { perShopper: true } : {}),
      };
    },
  };
}
