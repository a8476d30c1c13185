/**
 * A strict allow-list HTML serializer for reader comments. Comments were sanitized on import, but
 * the page is the last step before publishing, so this re-reads the HTML with its own small
 * tokenizer and writes only known-safe elements and attributes, always well nested:
 * p, br, a[href], strong, em, u, s, code, pre, blockquote, ul, ol, li, sub, sup.
 * Anything else keeps its text (script, style and similar lose their content too).
 */
import { cleanText, escapeAttr, escapeText, safeHref } from './escape';

const INLINE = new Set(['a', 'strong', 'em', 'u', 's', 'code', 'sub', 'sup']);
const BLOCK = new Set(['p', 'pre', 'blockquote', 'ul', 'ol', 'li']);
const RENAME: Record<string, string> = { b: 'strong', i: 'em', strike: 's', del: 's', ins: 'u', tt: 'code', div: 'p', h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p' };
const DROP_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'object', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'svg', 'math', 'select', 'xmp', 'plaintext', 'head']);
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', pound: '£', euro: '€', middot: '·', bull: '•',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
}

function parseTag(raw: string): Tag | null {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*?)\/?>$/.exec(raw);
  if (!m) return null;
  const attrs: Record<string, string> = {};
  for (const a of m[3].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = a[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
  }
  return { name: m[2].toLowerCase(), closing: m[1] === '/', attrs };
}

/** Sanitized, well-formed HTML for a comment body; block content only (text is wrapped in <p>). */
export function sanitizeCommentHtml(html: string): string {
  let out = '';
  const stack: string[] = [];
  let dropDepth = 0;
  let dropTag = '';
  const top = () => stack[stack.length - 1];
  const open = (name: string, attrs = '') => {
    out += `<${name}${attrs}>`;
    stack.push(name);
  };
  const close = () => (out += `</${stack.pop()}>`);
  // Text and inline elements need a paragraph (or li/pre/p) around them.
  const ensureFlow = () => {
    const t = top();
    if (t === undefined || t === 'blockquote') open('p');
    else if (t === 'ul' || t === 'ol') open('li');
  };
  const openBlock = (name: string) => {
    if (name === 'li') {
      while (stack.length && !['ul', 'ol'].includes(top()!) && stack.some((s) => s === 'ul' || s === 'ol')) close();
      if (!stack.length || !['ul', 'ol'].includes(top()!)) {
        while (stack.length && top() !== 'blockquote') close();
        open('ul');
      }
      open('li');
      return;
    }
    // A block closes open inline elements and paragraphs (as an HTML parser would).
    while (stack.length && (INLINE.has(top()!) || top() === 'p' || top() === 'pre')) close();
    if (top() === 'ul' || top() === 'ol') open('li');
    open(name);
  };

  const tokens = cleanText(html).match(/<!--[\s\S]*?(?:-->|$)|<[a-zA-Z/!?][^>]*>?|[^<]+|</g) ?? [];
  for (const token of tokens) {
    if (token.startsWith('<!') || token.startsWith('<?')) continue;
    if (token.startsWith('<') && token.length > 1) {
      const tag = parseTag(token.endsWith('>') ? token : token + '>');
      if (!tag) continue;
      if (dropDepth) {
        if (tag.name === dropTag) dropDepth += tag.closing ? -1 : 1;
        continue;
      }
      if (DROP_CONTENT.has(tag.name)) {
        if (!tag.closing && !token.endsWith('/>')) {
          dropTag = tag.name;
          dropDepth = 1;
        }
        continue;
      }
      const name = RENAME[tag.name] ?? tag.name;
      if (tag.closing) {
        if (!INLINE.has(name) && !BLOCK.has(name)) continue;
        const at = stack.lastIndexOf(name);
        // A stray end tag, or one that would cross a block boundary, is ignored.
        if (at === -1 || (INLINE.has(name) && stack.slice(at + 1).some((s) => BLOCK.has(s)))) continue;
        while (stack.length > at) close();
        continue;
      }
      if (name === 'br') {
        ensureFlow();
        out += '<br>';
      } else if (BLOCK.has(name)) {
        openBlock(name);
      } else if (INLINE.has(name)) {
        if (name === 'a' && stack.includes('a')) continue;
        ensureFlow();
        if (name === 'a') {
          const href = safeHref(tag.attrs.href ?? '');
          if (href === null) continue; // dropping the tag keeps the text as plain text
          open('a', ` href="${escapeAttr(href)}" rel="nofollow ugc"`);
        } else open(name);
      }
      continue;
    }
    if (dropDepth) continue;
    const text = decodeEntities(token);
    if (!text.trim() && (!stack.length || ['ul', 'ol', 'blockquote'].includes(top()!))) continue;
    ensureFlow();
    out += escapeText(text);
  }
  while (stack.length) close();
  // Empty links have no accessible name and empty paragraphs add nothing.
  return out.replace(/<a [^>]*><\/a>/g, '').replace(/<p>(?:\s|<br>)*<\/p>/g, '');
}

/** Plain comment text as paragraphs, for comments stored without HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
