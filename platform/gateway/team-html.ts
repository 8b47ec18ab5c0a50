// What the gateway checks of a team's server-rendered markup before it places it in a page. The gateway adds the
// page's CSP nonce to every <script and <style of the page, the teams' markup included (csp.ts withNonce), and
// splices the teams' parts into each other at their empty fragment tags (compose.ts): a team's markup is placed
// only if it can run nothing the gateway did not write, and ends where it says. It is read by parse5 as a
// browser reads it — the same tokenizer states, entities decoded, <template> contents and SVG/MathML included —
// in the context it lands in (inside an element in <body>).
import {
  Parser,
  defaultTreeAdapter,
  html,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type ParserError,
  type Token,
} from 'parse5';
import { teams } from '@tractor/shared/teams';

/** Elements that load or run a document or code of their own, or act on the whole page, whatever they say. */
const REFUSED_ELEMENTS = new Set([
  'applet',
  'base',
  'body',
  'embed',
  'fencedframe',
  'frame',
  'frameset',
  'head',
  'html', // <html>, <body>, <head> in a body add their attributes to the page's own (an onload, say)
  'iframe',
  'object',
  'plaintext', // everything after it, the gateway's markup included, would be its text
  'portal',
]);

/** Attributes that hold a URL the browser may navigate to, load or run (besides any *href, *src, *srcset). */
const URL_ATTRIBUTES = new Set([
  'action',
  'archive',
  'background',
  'cite',
  'classid',
  'codebase',
  'data',
  'formaction',
  'icon',
  'longdesc',
  'manifest',
  'ping',
  'poster',
  'profile',
  'usemap',
]);
const URL_ATTRIBUTE_SUFFIX = /(?:href|src|srcset)$/;

/** SVG animations: they can set another attribute (an href, a handler) to their from/to/by/values. */
const ANIMATIONS = new Set(['animate', 'animatecolor', 'animatemotion', 'animatetransform', 'set']);
const ANIMATION_VALUES = new Set(['by', 'from', 'to', 'values']);

/** Pictures the page may show from a data: URL; a data: URL of any other type can be a document. */
const PICTURE_DATA_URL = /^data:image\/(?:avif|gif|jpeg|png|webp)(?:[;,]|$)/;

/** The fragment tags the gateway splices other parts into (compose.ts). */
const FRAGMENT_TAGS = new Set(teams.flatMap((t) => t.fragments));

/**
 * What the gateway finds by text in a team's markup rather than by parsing it: the nonce goes after each
 * `<script`/`<style` (withNonce), another part after each fragment's start tag, which ends at its first `>`
 * (compose.ts). Each must be a start tag, or the text it edits is an attribute, comment or raw text, and what it
 * writes there changes what the browser reads — the nonce's quotes end an attribute value early, say, and turn
 * the rest of it into markup with a nonced script.
 */
const NONCED = ['<script', '<style'];
const SPLICED = [...FRAGMENT_TAGS].map((tag) => `<${tag}`);

/** A custom element's name, as the application's container writes it around the page's markup. */
const CUSTOM_ELEMENT_NAME = /^[a-z][a-z0-9]*-[a-z0-9-]+$/;

/**
 * Why the gateway must not place a team's render answer, or undefined when it may: its tag must be a custom
 * element's name (the gateway writes <tag>…</tag> around the page's markup) and its markup safe (unsafeMarkup).
 */
export function unsafeRenderAnswer(answer: {
  readonly tag: string;
  readonly inner: string;
}): string | undefined {
  if (!CUSTOM_ELEMENT_NAME.test(answer.tag)) return `tag ${quote(answer.tag)} is no custom element name`;
  return unsafeMarkup(answer.inner);
}

/**
 * Why this markup must not be placed in a page, or undefined when it may. Refused: a <script> other than a seed
 * (type="application/json"), an event handler attribute (on…), a javascript:, vbscript: or non-picture data: URL,
 * srcdoc, <base>, <meta http-equiv>, <link rel=import>, frames, plugins and the other REFUSED_ELEMENTS; markup
 * the tokenizer ends inside of (a tag, an attribute, a comment, raw text), elements left open and end tags that
 * close nothing of its own (it would close the page's); a `<script`, `<style` or fragment tag that is not a
 * start tag, and a fragment tag in SVG or MathML (the part spliced into it would be read as foreign content).
 */
export function unsafeMarkup(markup: string): string | undefined {
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  let unfinished: string | undefined;
  const parser = TeamMarkupParser.getFragmentParser(context, {
    sourceCodeLocationInfo: true,
    scriptingEnabled: true, // as in a shopper's browser: <noscript> holds raw text
    onParseError: ({ code }: ParserError) => {
      if (code.startsWith('eof-')) unfinished ??= `unfinished markup (${code})`;
    },
  }) as TeamMarkupParser; // getFragmentParser constructs `this` class
  parser.tokenizer.write(markup, true);
  return unfinished ?? parser.refusal ?? textualTagRefusal(markup, parser.startTags);
}

/** parse5's parser, told of every token as the tokenizer makes it (also those the tree then drops). */
class TeamMarkupParser extends Parser<DefaultTreeAdapterMap> {
  refusal: string | undefined;
  /** Where each start tag begins in the markup → where it ends. */
  readonly startTags = new Map<number, number>();

  override onStartTag(token: Token.TagToken): void {
    const foreign = this.shouldProcessStartTagTokenInForeignContent(token);
    this.refusal ??= startTagRefusal(token, foreign);
    if (token.location) this.startTags.set(token.location.startOffset, token.location.endOffset);
    super.onStartTag(token);
  }

  override onEndTag(token: Token.TagToken): void {
    if (!this.#isOpen(token.tagName)) this.refusal ??= `</${token.tagName}> closes nothing of its own`;
    super.onEndTag(token);
  }

  override onDoctype(token: Token.DoctypeToken): void {
    this.refusal ??= 'a doctype';
    super.onDoctype(token);
  }

  override onEof(token: Token.EOFToken): void {
    const { stackTop, current } = this.openElements;
    if (stackTop > 0) this.refusal ??= `<${tagNameOf(current)}> left open`;
    super.onEof(token);
  }

  /** Whether an element of this name is open (above the fragment's root): a token's names are lower case. */
  #isOpen(tagName: string): boolean {
    const { items, stackTop } = this.openElements;
    for (let i = stackTop; i > 0; i--) {
      if (tagNameOf(items[i]).toLowerCase() === tagName) return true;
    }
    return false;
  }
}

/** An open element's name (SVG's in its own case: foreignObject). */
const tagNameOf = (node: DefaultTreeAdapterTypes.ParentNode | undefined) =>
  node && 'tagName' in node ? node.tagName : '';

function startTagRefusal(token: Token.TagToken, foreign: boolean): string | undefined {
  const tag = token.tagName;
  for (const attribute of token.attrs) {
    const refusal = attributeRefusal(tag, attribute);
    if (refusal) return refusal;
  }
  const value = (name: string) => token.attrs.find((a) => a.name === name)?.value;
  if (tag === 'script') {
    const type = value('type');
    const seed = !foreign && type?.trim().toLowerCase() === 'application/json';
    if (!seed)
      return `<script${type === undefined ? '' : ` type=${quote(type)}`}>${foreign ? ' in SVG or MathML' : ''}`;
  }
  if (REFUSED_ELEMENTS.has(tag)) return `<${tag}>`;
  if (tag === 'meta' && value('http-equiv') !== undefined) return '<meta http-equiv>';
  if (tag === 'link' && value('rel')?.toLowerCase().split(/\s+/).includes('import'))
    return '<link rel=import>';
  if (foreign && FRAGMENT_TAGS.has(tag)) return `<${tag}> in SVG or MathML`;
  return undefined;
}

function attributeRefusal(tag: string, { name, value }: Token.Attribute): string | undefined {
  const localName = name.slice(name.indexOf(':') + 1);
  if (localName.startsWith('on')) return `${name} on <${tag}>`;
  if (name === 'srcdoc') return `srcdoc on <${tag}>`;
  const animation = ANIMATIONS.has(tag);
  if (animation && name === 'attributename' && value.trim().toLowerCase().startsWith('on')) {
    return `<${tag}> of ${quote(value)}`;
  }
  const holdsUrl =
    URL_ATTRIBUTES.has(localName) ||
    URL_ATTRIBUTE_SUFFIX.test(localName) ||
    (animation && ANIMATION_VALUES.has(name));
  if (holdsUrl && urlCandidates(value).some(runsCode)) return `${name} on <${tag}> runs code`;
  return undefined;
}

/**
 * Every URL an attribute value may hold, generously: lists (srcset, ping, an animation's values) are split at
 * commas, semicolons and whitespace; each piece is also taken whole, so a URL with spaces in it is looked at too.
 */
function urlCandidates(value: string): string[] {
  return value.split(/[,;]/).flatMap((piece) => [piece, ...piece.trim().split(/\s+/)]);
}

/** A URL whose scheme runs code, read as a browser does: spaces and control characters do not count. */
function runsCode(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const bare = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (bare.startsWith('javascript:') || bare.startsWith('vbscript:')) return true;
  return bare.startsWith('data:') && !PICTURE_DATA_URL.test(bare);
}

/** A team's text in a reason the gateway logs: short, quoted. */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A `<script`, `<style` or fragment tag found by text where the parser found no such start tag. */
function textualTagRefusal(markup: string, startTags: ReadonlyMap<number, number>): string | undefined {
  const occurrences = function* (text: string) {
    for (let at = markup.indexOf(text); at >= 0; at = markup.indexOf(text, at + 1)) yield at;
  };
  for (const text of [...NONCED, ...SPLICED]) {
    for (const at of occurrences(text)) {
      const end = startTags.get(at);
      if (end === undefined) return `"${text}" outside a start tag (at ${at})`;
      if (SPLICED.includes(text) && markup.indexOf('>', at) !== end - 1) {
        return `a ">" inside the start tag at ${at}`;
      }
    }
  }
  return undefined;
}
