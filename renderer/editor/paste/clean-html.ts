/**
 * Pasted HTML from Word, Google Docs and web pages, reduced to structure: headings, paragraphs,
 * lists, quotes, links, emphasis and tables (cells, header cells, spans, the caption) survive; styles, fonts, classes, ids and scripts do not.
 * Formatting that those sources express only as inline CSS (Docs' bold spans, Word's list
 * paragraphs) is turned into real elements first, then every attribute not on the allow-list
 * goes. Works on any Document (the browser's DOMParser or jsdom in tests); no globals.
 */
import { isAllowedUrl } from '../../../common/editor/nodes/link-rules';
import { MAX_CAPTION_LENGTH, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../../common/editor/table-shape';

const ELEMENT = 1;
const TEXT = 3;

/** Removed with everything inside. */
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'META', 'LINK', 'TITLE', 'HEAD', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'XML', 'COLGROUP', 'COL']);
/** Kept (with only the attributes listed in ATTRS). Everything else is unwrapped: its children stay. */
const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'A', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'STRIKE', 'DEL', 'SUB', 'SUP', 'CODE', 'BLOCKQUOTE', 'BR', 'HR', 'IMG', 'FIGURE', 'FIGCAPTION', 'ASIDE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH']);
const ATTRS: Record<string, string[]> = {
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'width', 'height'],
  SUP: ['data-footnote'],
  OL: ['start'],
  ASIDE: ['class'],
  BLOCKQUOTE: ['class'],
  TD: ['colspan', 'rowspan'],
  TH: ['colspan', 'rowspan'],
  TABLE: ['data-caption'],
};
const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'HR', 'FIGURE', 'ASIDE', 'DIV', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'TD', 'TH', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'PRE']);

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const a of Array.from(el.attributes)) next.setAttribute(a.name, a.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
}

/** Docs and web pages say bold/italic/... in CSS; make it markup before the CSS is dropped. */
function styleToMarkup(el: Element): void {
  const style = styleOf(el);
  if (!style || el.tagName === 'B' && /font-weight:(normal|400)/.test(style)) return;
  const weight = style.match(/(^|;)font-weight:(bold|bolder|[6-9]00)/);
  if (weight && !/^(B|STRONG|H\d)$/.test(el.tagName)) wrapChildren(el, 'strong');
  if (/(^|;)font-style:italic/.test(style) && !/^(I|EM)$/.test(el.tagName)) wrapChildren(el, 'em');
  if (/(^|;)text-decoration[^;]*underline/.test(style) && el.tagName !== 'U' && el.tagName !== 'A') wrapChildren(el, 'u');
  if (/(^|;)text-decoration[^;]*line-through/.test(style) && !/^(S|STRIKE|DEL)$/.test(el.tagName)) wrapChildren(el, 's');
  if (/(^|;)vertical-align:super/.test(style) && el.tagName !== 'SUP') wrapChildren(el, 'sup');
  if (/(^|;)vertical-align:sub/.test(style) && el.tagName !== 'SUB') wrapChildren(el, 'sub');
}

interface WordItem {
  el: Element;
  list: string;
  level: number;
  ordered: boolean;
}

function wordListInfo(el: Element): { list: string; level: number; ordered: boolean } | null {
  const style = styleOf(el);
  const m = style.match(/mso-list:(l\d+)level(\d+)/);
  if (!m && !/msolistparagraph/i.test(el.getAttribute('class') ?? '')) return null;
  const marker = Array.from(el.querySelectorAll('span')).find((s) => /mso-list:ignore/.test(styleOf(s)));
  const markerText = (marker?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  return { list: m ? m[1] : '', level: m ? Number(m[2]) : 1, ordered: /^(\(?\d+|[a-z]|[ivxlc]+)[.)]$/i.test(markerText) };
}

/** Word writes list items as <p style="mso-list:l0 level2 lfo1"> with a typed bullet; rebuild real, nested lists. */
function convertWordLists(root: Element): void {
  const doc = root.ownerDocument;
  const paragraphs = Array.from(root.querySelectorAll('p'));
  let run: WordItem[] = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0].el;
    const stack: { list: Element; level: number }[] = [];
    const top = doc.createElement(run[0].ordered ? 'ol' : 'ul');
    first.parentNode?.insertBefore(top, first);
    stack.push({ list: top, level: run[0].level });
    for (const item of run) {
      while (stack.length > 1 && item.level < stack[stack.length - 1].level) stack.pop();
      let current = stack[stack.length - 1];
      if (item.level > current.level) {
        const nested = doc.createElement(item.ordered ? 'ol' : 'ul');
        const lastLi = current.list.lastElementChild ?? current.list.appendChild(doc.createElement('li'));
        lastLi.appendChild(nested);
        current = { list: nested, level: item.level };
        stack.push(current);
      }
      const li = doc.createElement('li');
      for (const s of Array.from(item.el.querySelectorAll('span'))) if (/mso-list:ignore/.test(styleOf(s))) s.remove();
      while (item.el.firstChild) li.appendChild(item.el.firstChild);
      current.list.appendChild(li);
      item.el.remove();
    }
    run = [];
  };
  for (const p of paragraphs) {
    const info = wordListInfo(p);
    const last = run[run.length - 1];
    const continues = last !== undefined && info !== null && last.el.nextElementSibling === p && last.list === info.list;
    if (!continues) flush();
    if (info) run.push({ el: p, ...info });
  }
  flush();
}

function isOnlyInline(el: Element): boolean {
  return !Array.from(el.children).some((c) => BLOCK.has(c.tagName));
}

function cleanElement(el: Element): void {
  // Children first (a static copy: unwrapping moves nodes).
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === ELEMENT) cleanElement(child as Element);
    else if (child.nodeType !== TEXT) child.parentNode?.removeChild(child);
  }
  if (!el.parentNode) return;
  const tag = el.tagName.toUpperCase();
  if (DROP.has(tag) || tag.includes(':') && tag !== 'O:P') return void el.parentNode.removeChild(el);
  if (tag === 'O:P') return unwrap(el);
  const table = TABLE_PARTS.has(tag) ? cleanTablePart(el, tag) : 'keep';
  if (table === 'gone') return;
  // Layout wrappers with only inline content are paragraphs; with blocks inside they just go.
  if (tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE' || table === 'flatten' || tag === 'HEADER' || tag === 'FOOTER' || tag === 'MAIN') {
    if (isOnlyInline(el) && el.textContent?.trim()) return cleanElement(rename(el, 'p'));
    return unwrap(el);
  }
  if (tag === 'PRE') return cleanElement(rename(el, 'p'));
  if (tag === 'LI') {
    // Docs puts a <p> inside each <li>; Lexical wants the text directly in the item.
    for (const p of Array.from(el.children)) if (p.tagName === 'P') {
      if (p.previousSibling) p.parentNode?.insertBefore(el.ownerDocument.createElement('br'), p);
      unwrap(p);
    }
  }
  if (tag === 'A') {
    const href = el.getAttribute('href') ?? '';
    if (!isAllowedUrl(href)) return unwrap(el);
  }
  if (tag === 'IMG' && !/^data:image\/(png|jpeg|gif|webp);base64,/i.test(el.getAttribute('src') ?? '')) return void el.parentNode.removeChild(el);
  if (!KEEP.has(tag)) return unwrap(el);
  const allowed = ATTRS[tag] ?? [];
  for (const a of Array.from(el.attributes)) {
    if (!allowed.includes(a.name.toLowerCase())) el.removeAttribute(a.name);
    else if (a.name.toLowerCase() === 'class' && !/pull-?quote/i.test(a.value)) el.removeAttribute(a.name);
  }
}

const TABLE_PARTS = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION']);

/**
 * A table part: kept, unless it sits inside another table's cell (the editor has no nested
 * tables, so an inner table becomes the cell's paragraphs). A caption moves onto its table as
 * data-caption for the paste plugin to set; spans are cut to the editor's limits. Lexical reads
 * scope="col" as a header column, the reverse of HTML, so scope goes and the header's position
 * (first row or thead, first column) says what it heads.
 */
function cleanTablePart(el: Element, tag: string): 'keep' | 'flatten' | 'gone' {
  if (el.parentElement?.closest('td,th')) {
    if (tag === 'TD' || tag === 'TH') return 'flatten';
    unwrap(el);
    return 'gone';
  }
  if (tag === 'CAPTION') {
    const table = el.parentElement?.closest('table');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTION_LENGTH);
    if (table && text) table.setAttribute('data-caption', text);
    el.parentNode?.removeChild(el);
    return 'gone';
  }
  for (const [attr, max] of [['colspan', MAX_TABLE_COLUMNS], ['rowspan', MAX_TABLE_ROWS]] as const) {
    const value = el.getAttribute(attr);
    if (value === null) continue;
    const n = Math.floor(Number(value));
    if (Number.isFinite(n) && n > 1) el.setAttribute(attr, String(Math.min(n, max)));
    else el.removeAttribute(attr);
  }
  return 'keep';
}

/** Cleans `doc`'s body in place and returns it. */
export function cleanPastedHtml(doc: Document): HTMLElement {
  const body = doc.body;
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const b of Array.from(body.querySelectorAll('b[id^="docs-internal-guid"]'))) unwrap(b);
  // Word's conditional comments and list markers.
  for (const s of Array.from(body.querySelectorAll('span'))) if (/mso-list:ignore/.test(styleOf(s)) && !s.closest('p[style*="mso-list"]')) s.remove();
  convertWordLists(body);
  for (const el of Array.from(body.querySelectorAll('[style]'))) styleToMarkup(el);
  for (const child of Array.from(body.childNodes)) {
    if (child.nodeType === ELEMENT) cleanElement(child as Element);
    else if (child.nodeType !== TEXT) body.removeChild(child);
  }
  return body;
}
