/**
 * Property test of the comment sanitizer: seeded random markup built from HTML's element and
 * attribute lists, and seeded mutations of the hostile corpus, through each path on its own (the
 * regex fast path, the parse5 path, DOMPurify) and through sanitizeCommentHtml. Whatever the input,
 * nothing throws and nothing active is left. The seed is fixed so a failure repeats; the failing
 * input is printed with it.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeCommentHtml, sanitizeWithDomPurify, type CleanBody } from './comment-html';
import { sanitizeParsedHtml } from './parsed-html';
import { sanitizeSimpleHtml } from './simple-html';
import { HOSTILE_CORPUS } from '../testing/hostile-corpus';
import { findActiveContent } from '../testing/active-content';
import { seededRandom } from '../../common/random';

/** mulberry32: small, seeded, good enough to pick markup. */
function random(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof random>;

// The document-level family first: each of these changes how the rest is parsed.
const DOCUMENT_ELEMENTS = ['frameset', 'frame', 'html', 'head', 'body', 'noframes', 'plaintext', 'xmp', 'template', 'svg', 'math'];
const HTML_ELEMENTS = [
  ...DOCUMENT_ELEMENTS,
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'bdi', 'bdo', 'blockquote', 'br', 'button', 'canvas',
  'caption', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'div', 'dl', 'dt', 'em',
  'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'header', 'hr', 'i', 'iframe', 'img', 'input',
  'ins', 'kbd', 'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'menu', 'meta', 'meter', 'nav', 'noscript', 'object', 'ol',
  'optgroup', 'option', 'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script',
  'search', 'section', 'select', 'slot', 'small', 'source', 'span', 'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'u', 'ul', 'var', 'video', 'wbr', 'image', 'isindex',
  'keygen', 'listing', 'marquee', 'nobr', 'noembed', 'xmp', 'font', 'center', 'applet', 'portal', 'selectedcontent', 'my-widget',
];
const FOREIGN_ELEMENTS = ['mi', 'mo', 'mtext', 'mglyph', 'malignmark', 'annotation-xml', 'foreignObject', 'desc', 'use', 'animate', 'set', 'image', 'style', 'script', 'a'];
const ATTRIBUTES = [
  'href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcset', 'style', 'id', 'name',
  'form', 'onload', 'onerror', 'onclick', 'onmouseover', 'onfocus', 'ontoggle', 'onbegin', 'autofocus', 'open', 'title', 'class',
  'target', 'rel', 'is', 'shadowrootmode', 'http-equiv', 'content', 'attributeName', 'to', 'values', 'encoding', 'type',
];
const VALUES = [
  'javascript:window.__pwned=1', 'JaVaScRiPt:alert(1)', ' \njavascript:alert(1)', 'java&#9;script:alert(1)', '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'https://example.org/x', 'mailto:a@b.org', '//evil.example/x',
  'alert(1)', '</style><img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'text/html', 'open', 'background:url(javascript:alert(1))',
];
const TEXT = ['Hello', 'a & b', '1 < 2', '>', '&amp;', '&#0;', '&#x110000;', '&nbsp;', 'שלום', '😀', '\u0000', '<!--', '-->', ']]>', '<![CDATA[x]]>', '</', '<', '"', "'", '`'];

function attributes(r: Rng): string {
  let out = '';
  for (let n = r.int(3); n > 0; n--) {
    const quote = r.pick(['"', "'", '']);
    out += ` ${r.pick(ATTRIBUTES)}${r.int(5) ? `=${quote}${r.pick(VALUES)}${quote}` : ''}`;
  }
  return out;
}

/** Random markup: nested elements (often unclosed, misnested or self-closed) with attributes and text. */
function randomMarkup(r: Rng, depth = 0): string {
  let out = '';
  for (let n = 1 + r.int(4); n > 0; n--) {
    const roll = r.next();
    if (roll < 0.25 || depth > 5) out += r.pick(TEXT);
    else if (roll < 0.3) out += `<!--${r.pick(TEXT)}-->`;
    else {
      const tag = r.next() < 0.3 ? r.pick(DOCUMENT_ELEMENTS) : r.next() < 0.15 ? r.pick(FOREIGN_ELEMENTS) : r.pick(HTML_ELEMENTS);
      const name = r.int(4) ? tag : tag.toUpperCase();
      out += `<${name}${attributes(r)}${r.int(10) ? '' : '/'}>${randomMarkup(r, depth + 1)}`;
      const close = r.next();
      if (close < 0.7) out += `</${name}>`;
      else if (close < 0.8) out += `</${r.pick(DOCUMENT_ELEMENTS)}>`;
    }
  }
  return out;
}

/** A corpus body changed a little: characters cut, doubled or inserted, a tag of the family spliced in. */
function mutate(r: Rng, html: string): string {
  let s = html;
  for (let n = 1 + r.int(4); n > 0; n--) {
    const at = r.int(s.length + 1);
    const op = r.int(5);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1 + r.int(8));
    else if (op === 1) s = s.slice(0, at) + s.slice(at, at + 1 + r.int(12)) + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + r.pick(['<', '>', '"', "'", '/', '=', '&', '!', '-', ' ']) + s.slice(at);
    else if (op === 3) s = s.slice(0, at) + `<${r.pick(DOCUMENT_ELEMENTS)}${attributes(r)}>` + s.slice(at);
    else s = `<${r.pick(DOCUMENT_ELEMENTS)}${attributes(r)}>` + s;
  }
  return s;
}

const PATHS: [string, (html: string) => CleanBody | null][] = [
  ['fast path', sanitizeSimpleHtml],
  ['parse5', sanitizeParsedHtml],
  ['DOMPurify', sanitizeWithDomPurify],
  ['sanitizeCommentHtml', sanitizeCommentHtml],
];

/** Every path on one input: what threw, or what active content a result kept. */
function problemsWith(html: string): string[] {
  const problems: string[] = [];
  for (const [name, sanitize] of PATHS) {
    let result: CleanBody | null;
    try {
      result = sanitize(html);
    } catch (err) {
      problems.push(`${name} threw ${(err as Error).message} on ${JSON.stringify(html)}`);
      continue;
    }
    if (!result) continue;
    if (typeof result.html !== 'string' || typeof result.text !== 'string') problems.push(`${name} gave no strings for ${JSON.stringify(html)}`);
    for (const p of findActiveContent(result.html)) problems.push(`${name} left ${p} from ${JSON.stringify(html)}`);
  }
  return problems;
}

describe('comment sanitizer on random and mutated markup', () => {
  it('never throws and leaves nothing active for random markup of HTML elements and attributes (seed 16)', () => {
    const r = random(16);
    const problems: string[] = [];
    for (let i = 0; i < 300; i++) problems.push(...problemsWith(randomMarkup(r)));
    expect(problems.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('never throws and leaves nothing active for mutated hostile corpus bodies (seed 61)', () => {
    const r = random(61);
    const problems: string[] = [];
    for (let i = 0; i < 300; i++) problems.push(...problemsWith(mutate(r, r.pick(HOSTILE_CORPUS).html)));
    expect(problems.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('never throws on each element of the document family alone, with attributes, opening a body or inside foreign content', () => {
    const problems: string[] = [];
    for (const tag of DOCUMENT_ELEMENTS) {
      for (const html of [`<${tag}>`, `<${tag} onload="alert(1)"><p>x</p>`, `<${tag}></${tag}>after`, `x<${tag}>y`, `<svg><${tag}>z`, `<math><mtext><${tag}>z`, `<table><${tag}>t`]) {
        problems.push(...problemsWith(html));
      }
    }
    expect(problems).toEqual([]);
  });
});
