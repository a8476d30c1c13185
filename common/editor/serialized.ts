/**
 * The serialized form of a draft's body: Lexical's JSON for its built-in nodes plus our own
 * (pullquote, image, footnote, horizontalrule). Importers build it, the editor loads and saves
 * it, the publish renderer reads it. Builders here keep every producer's output identical to what
 * the editor itself would serialize.
 */

/** Text format bits, as Lexical stores them in `format`. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;
export type TextFormatName = keyof typeof TEXT_FORMAT;

export interface SerializedText {
  type: 'text';
  version: 1;
  text: string;
  format: number;
  detail: 0;
  mode: 'normal';
  style: '';
}
export interface SerializedLineBreak {
  type: 'linebreak';
  version: 1;
}
export interface SerializedLink {
  type: 'link';
  version: 1;
  url: string;
  rel: string | null;
  target: string | null;
  title: string | null;
  children: SerializedInline[];
  direction: 'ltr' | 'rtl' | null;
  format: '';
  indent: 0;
}
/** A footnote reference; the note's text travels with it and the exporter collects notes at the end. */
export interface SerializedFootnote {
  type: 'footnote';
  version: 1;
  note: string;
}
export type SerializedInline = SerializedText | SerializedLineBreak | SerializedLink | SerializedFootnote;

interface ElementBase {
  version: 1;
  direction: 'ltr' | 'rtl' | null;
  format: '' | 'left' | 'center' | 'right' | 'justify' | 'start' | 'end';
  indent: number;
}
export interface SerializedParagraph extends ElementBase {
  type: 'paragraph';
  textFormat: number;
  textStyle: string;
  children: SerializedInline[];
}
export interface SerializedHeading extends ElementBase {
  type: 'heading';
  tag: 'h2' | 'h3' | 'h4';
  children: SerializedInline[];
}
export interface SerializedQuote extends ElementBase {
  type: 'quote';
  children: SerializedInline[];
}
/** A pull quote: a short excerpt displayed large; exported as <aside><blockquote>. */
export interface SerializedPullQuote extends ElementBase {
  type: 'pullquote';
  children: SerializedInline[];
}
export interface SerializedListItem extends ElementBase {
  type: 'listitem';
  value: number;
  checked?: boolean;
  /** Inline content, or exactly one nested list for deeper levels (Lexical's nesting shape). */
  children: (SerializedInline | SerializedList)[];
}
export interface SerializedList extends ElementBase {
  type: 'list';
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  children: SerializedListItem[];
}
/** An image stored with the draft: src is `asset:<asset id>` or, for imports before storage, a data: URL. */
export interface SerializedImage {
  type: 'image';
  version: 1;
  src: string;
  altText: string;
  caption: string;
  width: number | null;
  height: number | null;
}
export interface SerializedHorizontalRule {
  type: 'horizontalrule';
  version: 1;
}
/** Lexical's header bits on a cell: 1 = in a header row (th scope="col"), 2 = in a header column (scope="row"). */
export const TABLE_HEADER = { none: 0, row: 1, column: 2, both: 3 } as const;
export type TableHeaderState = 0 | 1 | 2 | 3;
export interface SerializedTableCell extends ElementBase {
  type: 'tablecell';
  headerState: TableHeaderState;
  colSpan: number;
  rowSpan: number;
  backgroundColor: null;
  /** Paragraphs (or lists, quotes); never empty, never a table. */
  children: SerializedBlock[];
}
export interface SerializedTableRow extends ElementBase {
  type: 'tablerow';
  children: SerializedTableCell[];
}
/** A table (@lexical/table). Its caption is node state, which Lexical keeps under `$`. */
export interface SerializedTable extends ElementBase {
  type: 'table';
  children: SerializedTableRow[];
  $?: { caption?: string };
}
export type SerializedBlock =
  | SerializedParagraph
  | SerializedHeading
  | SerializedQuote
  | SerializedPullQuote
  | SerializedList
  | SerializedImage
  | SerializedHorizontalRule
  | SerializedTable;

export interface SerializedRoot extends ElementBase {
  type: 'root';
  children: SerializedBlock[];
}
export interface SerializedEditorState {
  root: SerializedRoot;
}

const element = { version: 1 as const, direction: null, format: '' as const, indent: 0 };

export const build = {
  text(text: string, formats: TextFormatName[] = []): SerializedText {
    const format = formats.reduce((bits, f) => bits | TEXT_FORMAT[f], 0);
    return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
  },
  lineBreak(): SerializedLineBreak {
    return { type: 'linebreak', version: 1 };
  },
  link(url: string, children: SerializedInline[], title: string | null = null): SerializedLink {
    return { type: 'link', version: 1, url, rel: null, target: null, title, children, direction: null, format: '', indent: 0 };
  },
  footnote(note: string): SerializedFootnote {
    return { type: 'footnote', version: 1, note };
  },
  paragraph(children: SerializedInline[]): SerializedParagraph {
    return { type: 'paragraph', ...element, textFormat: 0, textStyle: '', children };
  },
  heading(tag: 'h2' | 'h3' | 'h4', children: SerializedInline[]): SerializedHeading {
    return { type: 'heading', ...element, tag, children };
  },
  quote(children: SerializedInline[]): SerializedQuote {
    return { type: 'quote', ...element, children };
  },
  pullQuote(children: SerializedInline[]): SerializedPullQuote {
    return { type: 'pullquote', ...element, children };
  },
  /** items: each item's inline content, or a nested list to indent under the previous item. */
  list(listType: 'bullet' | 'number', items: (SerializedInline[] | SerializedList)[], start = 1): SerializedList {
    let value = start;
    const children: SerializedListItem[] = items.map((item) =>
      Array.isArray(item)
        ? { type: 'listitem', ...element, value: value++, children: item }
        : { type: 'listitem', ...element, value, children: [{ ...item, indent: item.indent }] },
    );
    return { type: 'list', ...element, listType, start, tag: listType === 'bullet' ? 'ul' : 'ol', children };
  },
  image(src: string, altText: string, caption = '', width: number | null = null, height: number | null = null): SerializedImage {
    return { type: 'image', version: 1, src, altText, caption, width, height };
  },
  horizontalRule(): SerializedHorizontalRule {
    return { type: 'horizontalrule', version: 1 };
  },
  /** A cell of blocks; an empty list of blocks gets the empty paragraph the editor needs to place a caret. */
  tableCell(children: SerializedBlock[], header: TableHeaderState = 0, colSpan = 1, rowSpan = 1): SerializedTableCell {
    const blocks = children.length ? children : [build.paragraph([])];
    return { type: 'tablecell', ...element, headerState: header, colSpan, rowSpan, backgroundColor: null, children: blocks };
  },
  tableRow(cells: SerializedTableCell[]): SerializedTableRow {
    return { type: 'tablerow', ...element, children: cells };
  },
  table(rows: SerializedTableRow[], caption = ''): SerializedTable {
    const table: SerializedTable = { type: 'table', ...element, children: rows };
    if (caption) table.$ = { caption };
    return table;
  },
  root(children: SerializedBlock[]): SerializedEditorState {
    return { root: { type: 'root', ...element, children } };
  },
};
