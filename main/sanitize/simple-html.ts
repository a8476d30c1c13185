/**
 * The fast path of the comment sanitizer for the markup most comments actually carry: <p>, <br>,
 * <em>, <strong>, <b>, <i>, <code> without attributes, <a href="http(s)/mailto">, a <blockquote>
 * (not nested, holding paragraphs or text: the quote a reply opens with) and the common
 * entities, properly nested. Output is rebuilt from tokens (only those tags, text escaped), so it
 * is safe by construction, and written exactly as DOMPurify + innerHTML would write it (a test
 * compares the two). Anything else returns null and goes through DOMPurify.
 */
import type { CleanBody } from './comment-html';

const INLINE = new Set(['em', 'strong', 'b', 'i', 'code', 'a']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const TOKEN = /<(\/?)([a-zA-Z]+)((?:\s+href="[^"<>]*")?)\s*(\/?)>|&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);|[<>&]/g;
const SAFE_HREF = /^(?:https?:|mailto:)[^\s"'<>\\]*$/i;

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

function decodeEntity(name: string): string | null {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Code points the HTML parser rewrites (NUL, C1 controls, surrogates, out of range) go the slow way.
    if (!(code >= 0x20 || code === 9 || code === 10) || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
    return String.fromCodePoint(code);
  }
  return NAMED[name] ?? null;
}

export function sanitizeSimpleHtml(html: string): CleanBody | null {
  let out = '';
  let text = '';
  const stack: string[] = [];
  let last = 0;
  /** A <p> is open (it holds inline content only). */
  let blockOpen = false;
  /** A <blockquote> is open (at the top level; it holds paragraphs and inline content). */
  let quoteOpen = false;
  let pendingText = '';
  const addText = (t: string) => {
    out += escText(t);
    pendingText += t;
  };
  const flushBlockText = () => {
    text += pendingText;
    pendingText = '';
  };
  // The plain text as the reference (comment-html.ts plainText) makes it: a blank line before a
  // block unless one is there, and a line break after it unless one is there.
  const openBlock = (tag: string) => {
    flushBlockText();
    if (text && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
    out += `<${tag}>`;
  };
  const closeBlock = (tag: string) => {
    flushBlockText();
    if (!text.endsWith('\n')) text += '\n';
    out += `</${tag}>`;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m.index > last) addText(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    const [whole, close, rawTag, attr, selfClose, entity] = m;
    if (entity !== undefined) {
      const ch = decodeEntity(entity);
      if (ch === null) return null;
      addText(ch);
      continue;
    }
    if (rawTag === undefined) {
      // A lone '>', '& ' or '< ' is text to the HTML parser; a '<' or '&' before a letter is not ours to guess.
      const next = html[last] ?? '';
      if (whole === '>' || (whole === '&' && !/[A-Za-z#]/.test(next)) || (whole === '<' && (next === '' || /[\s\d=]/.test(next)))) {
        addText(whole);
        continue;
      }
      return null;
    }
    const tag = rawTag.toLowerCase();
    if (attr && (tag !== 'a' || close)) return null;
    if (tag === 'br') {
      if (close) return null;
      out += '<br>';
      pendingText += '\n';
      continue;
    }
    if (selfClose) return null;
    if (tag === 'p') {
      if (close) {
        if (!blockOpen || stack.length) return null;
        closeBlock(tag);
        blockOpen = false;
      } else {
        if (blockOpen || stack.length) return null;
        openBlock(tag);
        blockOpen = true;
      }
      continue;
    }
    // Only what the HTML parser leaves as written: a quote opened outside any paragraph or inline
    // element (an open <p> would be closed by it), closed with nothing open inside it.
    if (tag === 'blockquote') {
      if (close) {
        if (!quoteOpen || blockOpen || stack.length) return null;
        closeBlock(tag);
        quoteOpen = false;
      } else {
        if (quoteOpen || blockOpen || stack.length) return null;
        openBlock(tag);
        quoteOpen = true;
      }
      continue;
    }
    if (!INLINE.has(tag)) return null;
    if (close) {
      if (stack.pop() !== tag) return null;
      out += `</${tag}>`;
    } else {
      if (stack.includes(tag)) return null;
      stack.push(tag);
      if (tag === 'a') {
        const href = attr ? attr.slice(attr.indexOf('"') + 1, -1) : '';
        if (href.includes('&')) return null;
        out += SAFE_HREF.test(href) ? `<a href="${escAttr(href)}" rel="nofollow ugc noopener">` : '<a rel="nofollow ugc noopener">';
      } else out += `<${tag}>`;
    }
    void whole;
  }
  if (last < html.length) addText(html.slice(last));
  if (stack.length || blockOpen || quoteOpen) return null;
  flushBlockText();
  return { html: out.trim(), text: text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() };
}
