/**
 * The middle path of the comment sanitizer, for ordinary markup the regex fast path declines
 * (blockquotes, lists, misnested or unclosed tags, divs and spans, headings, images). The body is
 * parsed by parse5, the HTML parser jsdom itself uses, into the same tree a browser builds; the
 * allow-listed elements are rebuilt from that tree with only a checked href, and every other
 * element of ordinary content is unwrapped to its text, exactly as DOMPurify with KEEP_CONTENT
 * does. Output is built from scratch (text escaped, no attribute copied), so it cannot carry
 * anything active whatever the input.
 *
 * Elements DOMPurify removes with their content (script, style, svg, math, template, noscript,
 * iframe, ...) are dropped whole. Anything else out of the ordinary returns null and goes through
 * DOMPurify: comments, forms and their controls, tables (jsdom places foster-parented text
 * differently), objects, custom elements, and links whose href is not a clean http(s)/mailto URL.
 * A test compares this path with DOMPurify on the hostile corpus and on ordinary markup. Markup
 * nested deeper than DOMPurify's recursion can take never goes there: see DOMPURIFY_MAX_DEPTH.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse5 } from './parse5-loader';
import type { CleanBody } from './comment-html';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const KEEP = new Set(['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li']);
/** Ordinary-content elements DOMPurify unwraps to their children (none is in its FORBID_CONTENTS). */
const UNWRAP = new Set([
  'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small', 'big', 'font',
  'abbr', 'acronym', 'cite', 'q', 'dfn', 'kbd', 'samp', 'var', 'tt', 'mark', 'center', 'section', 'article', 'header', 'footer',
  'aside', 'nav', 'main', 'figure', 'figcaption', 'address', 'dl', 'dt', 'dd', 'hr', 'img', 'wbr', 'time', 'bdi', 'bdo', 'label',
]);
/** Void elements DOMPurify removes (nothing inside them to keep). */
const VOID = new Set(['meta', 'link', 'base', 'input', 'embed', 'source', 'track', 'param', 'area', 'col', 'keygen']);
/**
 * DOMPurify's FORBID_CONTENTS: removed with everything inside. parse5 gives them the same extent a
 * browser does (raw text up to the matching end tag, a template's content apart, foreign content
 * under svg/math), so dropping the subtree drops exactly what DOMPurify drops.
 */
const DROP = new Set([
  'script', 'style', 'svg', 'math', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext', 'title',
  'head', 'audio', 'video', 'colgroup', 'thead', 'selectedcontent',
]);
const BLOCK = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'li']);
const SAFE_HREF = /^(?:https?:|mailto:)[^\s"'<>\\`]*$/i;
const LINKISH = /^(?:https?:|mailto:)/i;
const REL = 'nofollow ugc noopener';

interface OutElement {
  tag: string;
  href: string | null;
  children: Out[];
}
type Out = string | OutElement;

class Declined extends Error {}

const escText = (s: string) => s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
const escAttr = (s: string) => s.replace(/[&"<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));

/**
 * Nested kept elements beyond this depth are unwrapped, so the output tree (and the recursion
 * that writes it) stays shallow whatever the input nests.
 */
const MAX_KEPT_DEPTH = 100;
/**
 * A parse tree deeper than this never goes to DOMPurify, whose recursion cannot take it: the
 * strict walk unwraps anything unusual to its text (and drops comments) instead of declining.
 */
const DOMPURIFY_MAX_DEPTH = 500;

function hrefOf(node: DefaultTreeAdapterMap['element'], strict: boolean): string | null {
  const attr = node.attrs.find((a) => a.name === 'href' && !a.namespace);
  if (!attr) return null;
  const value = attr.value.trim();
  if (!LINKISH.test(value)) return null;
  if (SAFE_HREF.test(value)) return value;
  // A link-like value with odd characters: DOMPurify's own checks decide.
  if (strict) return null;
  throw new Declined();
}

interface Frame {
  nodes: P5Node[];
  next: number;
  into: Out[];
  kept: number;
}

/**
 * The sanitized form of body's children, walked with an explicit stack (no recursion, so no
 * nesting depth overflows it). Unusual content declines (Declined), or in strict mode is unwrapped.
 */
function build(body: P5Parent, strict: boolean): Out[] {
  const out: Out[] = [];
  const stack: Frame[] = [{ nodes: body.childNodes as P5Node[], next: 0, into: out, kept: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.next++];
    if (node.nodeName === '#text') {
      frame.into.push((node as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    if (!('tagName' in node)) {
      if (strict) continue;
      throw new Declined();
    }
    const tag = node.tagName;
    // <svg> and <math> are the only way into foreign content, so dropping them leaves none.
    if (DROP.has(tag) || VOID.has(tag)) continue;
    const html = node.namespaceURI === HTML_NS;
    const children = node.childNodes as P5Node[];
    if (html && KEEP.has(tag) && frame.kept < MAX_KEPT_DEPTH) {
      const el: OutElement = { tag, href: tag === 'a' ? hrefOf(node, strict) : null, children: [] };
      frame.into.push(el);
      stack.push({ nodes: children, next: 0, into: el.children, kept: frame.kept + 1 });
    } else if (strict || (html && (KEEP.has(tag) || UNWRAP.has(tag)))) {
      // Strict mode unwraps every other element as DOMPurify does: the dangerous ones are all in DROP.
      stack.push({ nodes: children, next: 0, into: frame.into, kept: frame.kept });
    } else throw new Declined();
  }
  return out;
}

function treeDepth(root: P5Parent): number {
  let max = 0;
  const stack: [P5Parent, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const child of node.childNodes as P5Node[]) if ('childNodes' in child) stack.push([child, depth + 1]);
  }
  return max;
}

function serialize(nodes: Out[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += escText(n);
    else if (n.tag === 'br') out += '<br>';
    else if (n.tag === 'a') out += `<a${n.href !== null ? ` href="${escAttr(n.href)}"` : ''} rel="${REL}">${serialize(n.children)}</a>`;
    else out += `<${n.tag}>${serialize(n.children)}</${n.tag}>`;
  }
  return out;
}

/** The same text comment-html's plainText gives for the DOM: blocks and <br> break lines. */
function plainText(nodes: Out[]): string {
  let out = '';
  const visit = (list: Out[]) => {
    for (const n of list) {
      if (typeof n === 'string') out += n;
      else if (n.tag === 'br') out += '\n';
      else {
        const block = BLOCK.has(n.tag);
        if (block && out && !out.endsWith('\n\n')) out += n.tag === 'li' ? (out.endsWith('\n') ? '' : '\n') : out.endsWith('\n') ? '\n' : '\n\n';
        visit(n.children);
        if (block && n.tag !== 'li' && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  visit(nodes);
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The <body> that comment markup is parsed inside, as the page showing it parses it (made with parse5, on first use). */
let bodyContext: DefaultTreeAdapterMap['element'] | null = null;

/** Sanitized body of ordinary HTML (or of anything nested too deep for DOMPurify), or null when the markup needs DOMPurify. */
export function sanitizeParsedHtml(markup: string): CleanBody | null {
  // A fragment in a <body>, not a document: <html>, <head>, <body> and <frameset> tags are ignored
  // there, and what a document would hoist into <head> stays in place (and is dropped below).
  const { defaultTreeAdapter, parseFragment } = parse5();
  bodyContext ??= defaultTreeAdapter.createElement('body', HTML_NS as DefaultTreeAdapterMap['element']['namespaceURI'], []);
  const body = parseFragment(bodyContext, markup, { scriptingEnabled: false });
  let out: Out[];
  try {
    out = build(body, false);
  } catch (err) {
    if (!(err instanceof Declined)) throw err;
    if (treeDepth(body) <= DOMPURIFY_MAX_DEPTH) return null;
    out = build(body, true);
  }
  return { html: serialize(out).trim(), text: plainText(out) };
}
