/**
 * Semantic HTML -> the serialized draft body. Importers (Word via mammoth, Markdown, HTML files)
 * hand in a parsed Document (jsdom in main/, DOMParser in a browser); nothing here touches DOM
 * globals. Only structure survives: headings, paragraphs, lists, quotes, pull quotes, links,
 * emphasis, images given as data: URLs, rules, tables (shaped by table-shape.ts). Every other element is unwrapped to its text and
 * scripts, styles and the like are dropped with their content.
 */
import {
  build,
  type SerializedBlock,
  type SerializedEditorState,
  type SerializedFootnote,
  type SerializedInline,
  type SerializedLineBreak,
  type SerializedList,
  type SerializedText,
  type TextFormatName,
  type TableHeaderState,
  TABLE_HEADER,
} from './serialized';
import { shapeTable } from './table-shape';
import { isAllowedUrl } from './nodes/link-rules';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const DROP = new Set(['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'form', 'input', 'button', 'select', 'textarea', 'nav']);
const INLINE_FORMATS: Record<string, TextFormatName> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  sub: 'subscript',
  sup: 'superscript',
};
/** Elements that start a new block; any other element is treated as inline (and unwrapped if unknown). */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'figcaption', 'aside', 'pre',
  'div', 'section', 'article', 'main', 'header', 'footer', 'body', 'html', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'dl', 'dt', 'dd', 'address', 'details', 'summary', 'caption', 'center',
]);
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i;

export interface FromDomResult {
  body: SerializedEditorState;
  /** Things that were in the source but could not be kept, in words a person understands. */
  warnings: string[];
}

type Formats = ReadonlySet<TextFormatName>;
/** An image met inside inline content: it leaves the paragraph and becomes a block of its own. */
type Piece = SerializedInline | { type: 'hoisted'; block: SerializedBlock };

function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

function hasClass(el: Element, name: string): boolean {
  return (el.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

function headingTag(tag: string): 'h2' | 'h3' | 'h4' {
  return tag === 'h1' || tag === 'h2' ? 'h2' : tag === 'h3' ? 'h3' : 'h4';
}

function dimension(el: Element, attr: string): number | null {
  const n = Number(el.getAttribute(attr));
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
}

class Converter {
  readonly warnings: string[] = [];
  private imageCount = 0;
  private tableCount = 0;

  /** The block children of a container, with loose inline content gathered into paragraphs. */
  blocks(parent: Element, out: SerializedBlock[] = []): SerializedBlock[] {
    let loose: SerializedInline[] = [];
    const flush = () => {
      const inl = tidy(loose);
      if (inl.length) out.push(build.paragraph(inl));
      loose = [];
    };
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === TEXT || child.nodeType === CDATA) {
        this.inlineText(child.nodeValue ?? '', new Set(), loose as Piece[]);
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const el = child as Element;
      const tag = tagOf(el);
      if (DROP.has(tag)) continue;
      if (!BLOCKS.has(tag) && tag !== 'img' && !containsBlocks(el)) {
        const pieces: Piece[] = [];
        this.inline(el, new Set(), pieces);
        for (const p of pieces) {
          if (p.type !== 'hoisted') loose.push(p);
          else {
            flush();
            out.push(p.block);
          }
        }
        continue;
      }
      flush();
      this.block(el, out);
    }
    flush();
    return out;
  }

  private block(el: Element, out: SerializedBlock[]): void {
    const tag = tagOf(el);
    switch (tag) {
      case 'p':
      case 'dt':
      case 'dd':
      case 'summary':
      case 'caption':
      case 'address':
        this.paragraphs(el, out, (inl) => build.paragraph(inl));
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        this.paragraphs(el, out, (inl) => build.heading(headingTag(tag), inl));
        return;
      case 'ul':
      case 'ol': {
        const list = this.list(el, 0);
        if (list.children.length) out.push(list);
        return;
      }
      case 'li':
        // A list item outside a list: keep its text as a paragraph.
        this.paragraphs(el, out, (inl) => build.paragraph(inl));
        return;
      case 'blockquote':
        this.quote(el, out, hasClass(el, 'pullquote'));
        return;
      case 'aside':
        if (hasClass(el, 'pullquote')) this.quote(el, out, true);
        else this.blocks(el, out);
        return;
      case 'hr':
        out.push(build.horizontalRule());
        return;
      case 'img':
        this.image(el, '', out);
        return;
      case 'figure':
        this.figure(el, out);
        return;
      case 'pre':
        this.pre(el, out);
        return;
      case 'table':
        this.table(el, out);
        return;
      default:
        this.blocks(el, out);
    }
  }

  /** Inline content of a block element; an image inside it splits it into block, image, block. */
  private paragraphs(el: Element, out: SerializedBlock[], make: (inl: SerializedInline[]) => SerializedBlock): void {
    const pieces: Piece[] = [];
    for (const child of Array.from(el.childNodes)) this.node(child, new Set(), pieces);
    let run: SerializedInline[] = [];
    const flush = () => {
      const inl = tidy(run);
      if (inl.length) out.push(make(inl));
      run = [];
    };
    for (const p of pieces) {
      if (p.type === 'hoisted') {
        flush();
        out.push(p.block);
      } else run.push(p);
    }
    flush();
  }

  /** Inline pieces of a quote or list item; images come out after it. */
  private inlineOnly(nodes: ChildNode[], images: SerializedBlock[]): SerializedInline[] {
    const pieces: Piece[] = [];
    for (const c of nodes) this.node(c, new Set(), pieces);
    const inl: SerializedInline[] = [];
    for (const p of pieces) {
      if (p.type === 'hoisted') images.push(p.block);
      else inl.push(p);
    }
    return tidy(inl);
  }

  private node(child: ChildNode, formats: Formats, into: Piece[]): void {
    if (child.nodeType === TEXT || child.nodeType === CDATA) this.inlineText(child.nodeValue ?? '', formats, into);
    else if (child.nodeType === ELEMENT) this.inline(child as Element, formats, into);
  }

  private inlineText(text: string, formats: Formats, into: Piece[]): void {
    const value = text.replace(/[\t\n\r\f ]+/g, ' ');
    if (value) pushInline(into, build.text(value, [...formats]));
  }

  /**
   * One inline element. Nested blocks (a <p> inside an <li>, a <div> inside a link) become line
   * breaks between their pieces; images are hoisted out to become blocks of their own.
   */
  private inline(el: Element, formats: Formats, into: Piece[]): void {
    const tag = tagOf(el);
    if (DROP.has(tag) || tag === 'hr') return;
    if (tag === 'br') {
      into.push(build.lineBreak());
      return;
    }
    if (tag === 'img') {
      const blocks: SerializedBlock[] = [];
      this.image(el, '', blocks);
      for (const block of blocks) into.push({ type: 'hoisted', block });
      return;
    }
    if (tag === 'sup' && el.hasAttribute('data-footnote')) {
      const note = collapse(el.getAttribute('data-footnote') ?? '');
      if (note) into.push(build.footnote(note.slice(0, 5000)));
      return;
    }
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim();
      const children: Piece[] = [];
      for (const c of Array.from(el.childNodes)) this.node(c, formats, children);
      // Links do not nest, and an image inside a link is hoisted out of it.
      const inl: (SerializedText | SerializedLineBreak | SerializedFootnote)[] = [];
      const hoisted: Piece[] = [];
      for (const c of children) {
        if (c.type === 'hoisted') hoisted.push(c);
        else if (c.type === 'link') inl.push(...(c.children as typeof inl));
        else inl.push(c);
      }
      const keep = href !== '' && isAllowedUrl(href) && inl.some((c) => c.type === 'text' && c.text.trim() !== '');
      if (keep) {
        const title = el.getAttribute('title');
        into.push(build.link(href, inl, title ? title.slice(0, 500) : null));
      } else {
        if (href && !isAllowedUrl(href) && inl.length) this.warn(`A link to "${href.slice(0, 80)}" was kept as plain text: only http, https, mailto and # links are allowed.`);
        for (const c of inl) pushInline(into, c);
      }
      into.push(...hoisted);
      return;
    }
    const next = formatsOf(el, tag, formats);
    const isBlock = BLOCKS.has(tag);
    if (isBlock && hasContent(into)) into.push(build.lineBreak());
    for (const c of Array.from(el.childNodes)) this.node(c, next, into);
    if (isBlock && hasContent(into)) into.push(build.lineBreak());
  }

  private list(el: Element, depth: number): SerializedList {
    const type = tagOf(el) === 'ol' ? 'number' : 'bullet';
    const startAttr = Number(el.getAttribute('start'));
    const start = type === 'number' && Number.isInteger(startAttr) && startAttr > 0 ? startAttr : 1;
    const items: (SerializedInline[] | SerializedList)[] = [];
    for (const child of Array.from(el.children)) {
      const tag = tagOf(child);
      if (tag === 'ul' || tag === 'ol') {
        const nested = this.list(child, depth + 1);
        if (nested.children.length) items.push(nested);
        continue;
      }
      if (tag !== 'li') continue;
      const rest: ChildNode[] = [];
      const nestedLists: SerializedList[] = [];
      for (const c of Array.from(child.childNodes)) {
        if (c.nodeType === ELEMENT && (tagOf(c as Element) === 'ul' || tagOf(c as Element) === 'ol')) {
          const nested = this.list(c as Element, depth + 1);
          if (nested.children.length) nestedLists.push(nested);
        } else rest.push(c);
      }
      const images: SerializedBlock[] = [];
      items.push(this.inlineOnly(rest, images));
      if (images.length) this.warn('An image inside a list item was left out; add it below the list.');
      items.push(...nestedLists);
    }
    const list = build.list(type, items, start);
    for (const item of list.children) item.indent = depth;
    return list;
  }

  private quote(el: Element, out: SerializedBlock[], pull: boolean): void {
    // A quote holds inline content only: its paragraphs become lines of one quote.
    const inner = pull && tagOf(el) === 'aside' ? (Array.from(el.children).find((c) => tagOf(c) === 'blockquote') ?? el) : el;
    const images: SerializedBlock[] = [];
    const inl = this.inlineOnly(Array.from(inner.childNodes), images);
    if (inl.length) out.push(pull ? build.pullQuote(inl) : build.quote(inl));
    out.push(...images);
  }

  private figure(el: Element, out: SerializedBlock[]): void {
    const img = el.querySelector('img');
    const caption = el.querySelector('figcaption');
    const captionText = caption ? collapse(caption.textContent ?? '') : '';
    if (img) {
      this.image(img, captionText, out);
      return;
    }
    if (hasClass(el, 'pullquote') && el.querySelector('blockquote')) {
      this.quote(el.querySelector('blockquote') as Element, out, true);
      return;
    }
    this.blocks(el, out);
  }

  private image(el: Element, caption: string, out: SerializedBlock[]): void {
    this.imageCount++;
    const src = (el.getAttribute('src') ?? '').trim();
    const alt = collapse(el.getAttribute('alt') ?? '').slice(0, 1000);
    if (!DATA_IMAGE.test(src)) {
      const what = src.startsWith('data:') ? 'an embedded file that is not a PNG, JPEG, GIF or WebP image' : src ? `"${src.slice(0, 80)}"` : 'no source';
      this.warn(`Image ${this.imageCount}${alt ? ` ("${alt.slice(0, 60)}")` : ''} was left out: it points to ${what}; add it from a local file.`);
      return;
    }
    if (!alt) this.warn(`Image ${this.imageCount} has no alt text; add a description before publishing.`);
    out.push(build.image(src.replace(/\s+/g, ''), alt, caption.slice(0, 2000), dimension(el, 'width'), dimension(el, 'height')));
  }

  /** A table: rows from the table and its row groups, cells as blocks, header cells, spans, the caption. */
  private table(el: Element, out: SerializedBlock[]): void {
    const n = ++this.tableCount;
    const rows: Element[] = [];
    for (const child of Array.from(el.children)) {
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...Array.from(child.children).filter((r) => tagOf(r) === 'tr'));
    }
    const captionEl = Array.from(el.children).find((c) => tagOf(c) === 'caption');
    const caption = captionEl ? collapse(captionEl.textContent ?? '') : '';
    const table = build.table(
      rows.map((tr, r) => {
        const inHead = tagOf(tr.parentElement ?? tr) === 'thead';
        const cells = Array.from(tr.children).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
        const headerRow = inHead || (r === 0 && cells.every((c) => tagOf(c) === 'th'));
        return build.tableRow(
          cells.map((cell, c) => {
            const span = (attr: string) => Math.max(1, Math.floor(Number(cell.getAttribute(attr))) || 1);
            return build.tableCell(this.blocks(cell), headerOf(cell, headerRow, c === 0), span('colspan'), span('rowspan'));
          }),
        );
      }),
      caption,
    );
    const shaped = shapeTable(table as unknown as Record<string, unknown>);
    for (const fix of shaped.fixes) this.warn(`Table ${n}${caption ? ` ("${caption.slice(0, 60)}")` : ''}: ${fix}.`);
    out.push(shaped.table);
  }

  private pre(el: Element, out: SerializedBlock[]): void {
    const text = (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    if (!text.trim()) return;
    const inl: SerializedInline[] = [];
    text.split('\n').forEach((line, i) => {
      if (i > 0) inl.push(build.lineBreak());
      if (line) inl.push(build.text(line, ['code']));
    });
    out.push(build.paragraph(inl));
  }

  private warn(message: string): void {
    if (!this.warnings.includes(message) && this.warnings.length < 100) this.warnings.push(message);
  }
}

/** A header cell heads its column (in a header row) or its row (first in its row), as scope says or its place implies. */
function headerOf(cell: Element, headerRow: boolean, firstInRow: boolean): TableHeaderState {
  if (tagOf(cell) !== 'th') return TABLE_HEADER.none;
  const scope = (cell.getAttribute('scope') ?? '').toLowerCase();
  if (scope === 'col' || scope === 'colgroup') return TABLE_HEADER.row;
  if (scope === 'row' || scope === 'rowgroup') return TABLE_HEADER.column;
  if (headerRow) return TABLE_HEADER.row;
  return firstInRow ? TABLE_HEADER.column : TABLE_HEADER.row;
}

const BLOCK_SELECTOR = [...BLOCKS].filter((t) => t !== 'body' && t !== 'html').join(',');

/** An inline element wrapping whole blocks (Google Docs wraps a copied document in one <b>): read it as a container. */
function containsBlocks(el: Element): boolean {
  return el.querySelector(BLOCK_SELECTOR) !== null;
}

/**
 * The formats inside an element: its tag's, corrected by inline style the way Google Docs and
 * Word write emphasis (`<span style="font-weight:700">`, `<b style="font-weight:normal">`).
 */
function formatsOf(el: Element, tag: string, outer: Formats): Formats {
  const next = new Set(outer);
  const fmt = INLINE_FORMATS[tag];
  if (fmt) next.add(fmt);
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (!style) return next;
  const weight = /(?:^|;)font-weight:([a-z0-9]+)/.exec(style)?.[1];
  if (weight) {
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) next.add('bold');
    else if (weight === 'normal' || weight === 'lighter' || Number(weight) < 600) next.delete('bold');
  }
  const fontStyle = /(?:^|;)font-style:([a-z]+)/.exec(style)?.[1];
  if (fontStyle === 'italic' || fontStyle === 'oblique') next.add('italic');
  else if (fontStyle === 'normal') next.delete('italic');
  const decoration = /(?:^|;)text-decoration(?:-line)?:([a-z-]+)/.exec(style)?.[1];
  if (decoration === 'underline') next.add('underline');
  if (decoration === 'line-through') next.add('strikethrough');
  const align = /(?:^|;)vertical-align:([a-z]+)/.exec(style)?.[1];
  if (align === 'super') next.add('superscript');
  if (align === 'sub') next.add('subscript');
  return next;
}

function pushInline(into: Piece[], node: SerializedInline): void {
  const last = into[into.length - 1];
  if (node.type === 'text' && last && last.type === 'text' && last.format === node.format) last.text += node.text;
  else into.push(node);
}

function hasContent(inl: Piece[]): boolean {
  return inl.some((n) => n.type !== 'text' || n.text.trim() !== '') && inl[inl.length - 1]?.type !== 'linebreak';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whitespace as a browser would render it: no space at the start or end of a block or around a
 * line break, no empty text nodes, adjacent runs with the same format merged.
 */
function tidy(inl: SerializedInline[]): SerializedInline[] {
  const flat: SerializedInline[] = [];
  for (const n of inl) {
    if (n.type === 'link') {
      const children = tidyInner(n.children);
      if (children.length) flat.push({ ...n, children });
    } else pushInline(flat, n.type === 'text' ? { ...n } : n);
  }
  // Trim at the edges and around line breaks.
  for (let i = 0; i < flat.length; i++) {
    const n = flat[i];
    const prev = flat[i - 1];
    if (n.type === 'text' && (i === 0 || prev.type === 'linebreak')) n.text = n.text.replace(/^ +/, '');
    if (n.type === 'text' && prev?.type === 'text' && prev.text.endsWith(' ')) n.text = n.text.replace(/^ +/, '');
    if (n.type === 'link' && prev?.type === 'text' && prev.text.endsWith(' ')) trimLinkStart(n.children);
  }
  for (let i = flat.length - 1; i >= 0; i--) {
    const n = flat[i];
    const next = flat[i + 1];
    if (n.type === 'text' && (next === undefined || next.type === 'linebreak')) n.text = n.text.replace(/ +$/, '');
  }
  let out = flat.filter((n) => n.type !== 'text' || n.text !== '');
  // No line breaks at the start or end of a block, nor more than two in a row.
  while (out[0]?.type === 'linebreak') out = out.slice(1);
  while (out[out.length - 1]?.type === 'linebreak') out = out.slice(0, -1);
  return out.filter((n, i) => !(n.type === 'linebreak' && out[i - 1]?.type === 'linebreak' && out[i - 2]?.type === 'linebreak'));
}

function tidyInner(children: SerializedInline[]): SerializedInline[] {
  const out: SerializedInline[] = [];
  for (const c of children) pushInline(out, c.type === 'text' ? { ...c } : c);
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

function trimLinkStart(children: SerializedInline[]): void {
  const first = children[0];
  if (first?.type === 'text') first.text = first.text.replace(/^ +/, '');
}

/** Converts a parsed HTML document (or one element of it) into a draft body and what was left out. */
export function htmlToEditorState(source: Document | Element): FromDomResult {
  const root = 'documentElement' in source ? (source.body ?? source.documentElement) : source;
  const converter = new Converter();
  const blocks = root ? converter.blocks(root) : [];
  return { body: build.root(blocks.length ? blocks : [build.paragraph([])]), warnings: converter.warnings };
}
