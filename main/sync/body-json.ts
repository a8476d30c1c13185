/**
 * A body document's JSON read straight from its Yjs tree, without a Lexical editor.
 *
 * Projecting each `body/<postId>` document into its posts row through a headless editor bound
 * with @lexical/yjs (body-binding.ts: a fresh editor and Y.Doc per body, the whole document
 * replayed into it) was the largest single cost of a new member's first sync. @lexical/yjs keeps
 * one shared type per node: an element is a Y.XmlText whose attributes are the node's `__`
 * properties and whose content holds its children, a text node is a Y.Map of properties followed
 * by its characters, a decorator is a Y.XmlElement. This walks that tree and writes the JSON the
 * editor's exportJSON writes, key for key.
 *
 * It knows the draft's common nodes in their plain forms only. Anything else (another node type,
 * an unexpected property, node state, an alignment or text mode it does not map, and whatever
 * Lexical would normalize on reading: empty or mergeable neighbouring text, stray characters)
 * makes it answer null, and the caller reads the body through the editor as before.
 * body-json.test.ts checks that both give the same bytes.
 */
import type { SerializedEditorState } from 'lexical';
import * as Y from 'yjs';

type Json = Record<string, unknown>;

/** Thrown inside the walk when the tree holds something only the editor reads faithfully. */
class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

/** Lexical's ELEMENT_FORMAT_TO_TYPE (0 is no alignment). */
const ALIGN = ['', 'left', 'center', 'right', 'justify', 'start', 'end'];

const ELEMENT_KEYS = ['__type', '__format', '__style', '__indent', '__dir', '__textFormat', '__textStyle'];
/** Each element type's own properties beyond ELEMENT_KEYS. */
const ELEMENT_EXTRA: Record<string, readonly string[]> = {
  paragraph: [],
  heading: ['__tag'],
  quote: [],
  pullquote: [],
  list: ['__tag', '__start', '__listType'],
  listitem: ['__value'],
  link: ['__url', '__target', '__rel', '__title'],
};
const TEXT_KEYS = ['__type', '__format', '__style', '__mode', '__detail'];
const DECORATOR_KEYS: Record<string, readonly string[]> = {
  image: ['__type', '__src', '__altText', '__caption', '__width', '__height'],
  footnote: ['__type', '__note'],
  horizontalrule: ['__type'],
};

/** The properties hold exactly these keys (no node state, nothing added by a newer node version). */
function exactly(attrs: Json, keys: readonly string[]): void {
  const own = Object.keys(attrs);
  if (own.length !== keys.length || !keys.every((k) => k in attrs)) notPlain();
}

/**
 * An element's JSON. `listDepth`: how many list items it sits in (a list item's indent is its
 * depth, whatever its property says).
 */
function element(type: string, a: Json, children: Json[], listDepth: number): Json {
  const align = ALIGN[a.__format as number];
  if (align === undefined) notPlain();
  if (type === 'paragraph') {
    // ParagraphNode.exportJSON: a text format or style of its own, else (both) its first text child's.
    const own = a.__textFormat !== 0 || a.__textStyle !== '';
    let textFormat = own && a.__textFormat !== 0 ? a.__textFormat : undefined;
    let textStyle = own && a.__textStyle !== '' ? a.__textStyle : undefined;
    if (textFormat === undefined || textStyle === undefined) {
      const first = children.find((c) => c.type === 'text');
      textFormat = first ? first.format : a.__textFormat;
      textStyle = first ? first.style : a.__textStyle;
    }
    return { children, direction: a.__dir, format: align, indent: a.__indent, textFormat, textStyle, type, version: 1 };
  }
  // Other elements write a text format or style only in cases not mapped here.
  if (a.__textFormat !== 0 || a.__textStyle !== '') notPlain();
  const base = { direction: a.__dir, format: align, indent: a.__indent };
  switch (type) {
    case 'heading':
      return { children, tag: a.__tag, ...base, type, version: 1 };
    case 'list':
      return { children, listType: a.__listType, start: a.__start, tag: a.__tag, ...base, type, version: 1 };
    case 'listitem':
      return { children, indent: listDepth, value: a.__value, direction: a.__dir, format: align, type, version: 1 };
    case 'link':
      return { children, rel: a.__rel, target: a.__target, title: a.__title, url: a.__url, ...base, type, version: 1 };
    default:
      return { children, ...base, type, version: 1 };
  }
}

function decorator(a: Json): Json {
  switch (a.__type) {
    case 'image':
      return { type: 'image', version: 1, src: a.__src, altText: a.__altText, caption: a.__caption, width: a.__width, height: a.__height };
    case 'footnote':
      return { type: 'footnote', version: 1, note: a.__note };
    default:
      return { type: a.__type, version: 1 };
  }
}

/** An element's children, from its XmlText's content. */
function childrenOf(xml: Y.XmlText, isRoot = false, listDepth = 0): Json[] {
  const out: Json[] = [];
  /** The text node whose characters are being read, with its properties (to compare neighbours). */
  let text: { json: Json; props: Json } | null = null;
  let previousText: Json | null = null;
  const endText = () => {
    if (!text) return;
    // An empty text node is removed by Lexical's normalization; two neighbours of the same kind merged.
    if (text.json.text === '') notPlain();
    if (previousText && previousText.__format === text.props.__format && previousText.__style === text.props.__style) notPlain();
    previousText = text.props;
    text = null;
  };
  for (const d of xml.toDelta() as Array<{ insert: unknown; attributes?: unknown }>) {
    if (d.attributes !== undefined) notPlain();
    const insert = d.insert;
    if (typeof insert === 'string') {
      // Characters with no text node before them are dropped by the binding.
      if (!text) notPlain();
      text!.json.text = (text!.json.text as string) + insert;
      continue;
    }
    endText();
    if (insert instanceof Y.XmlText) {
      previousText = null;
      const a = insert.getAttributes() as Json;
      const extra = ELEMENT_EXTRA[a.__type as string] ?? notPlain();
      exactly(a, [...ELEMENT_KEYS, ...extra]);
      const type = a.__type as string;
      // A list item's own depth counts the items it is in; its children are one deeper.
      out.push(element(type, a, childrenOf(insert, false, type === 'listitem' ? listDepth + 1 : listDepth), listDepth));
    } else if (insert instanceof Y.XmlElement) {
      previousText = null;
      const a = insert.getAttributes() as Json;
      exactly(a, DECORATOR_KEYS[a.__type as string] ?? notPlain());
      if (insert.length > 0) notPlain();
      out.push(decorator(a));
    } else if (insert instanceof Y.Map && !isRoot) {
      const props = insert.toJSON() as Json;
      if (props.__type === 'linebreak') {
        exactly(props, ['__type']);
        previousText = null;
        out.push({ type: 'linebreak', version: 1 });
        continue;
      }
      if (props.__type !== 'text' || props.__mode !== 0) notPlain();
      exactly(props, TEXT_KEYS);
      const json: Json = { detail: props.__detail, format: props.__format, mode: 'normal', style: props.__style, text: '', type: 'text', version: 1 };
      out.push(json);
      text = { json, props };
    } else {
      notPlain();
    }
  }
  endText();
  return out;
}

/** The body's JSON as the editor would serialize it, or null when only the editor can say (see the header). */
export function plainBodyJson(doc: Y.Doc): SerializedEditorState | null {
  const root = doc.get('root', Y.XmlText);
  try {
    if (Object.keys(root.getAttributes()).length > 0) return null;
    const children = childrenOf(root, true);
    return { root: { children, direction: null, format: '', indent: 0, type: 'root', version: 1 } } as unknown as SerializedEditorState;
  } catch (err) {
    if (err instanceof NotPlain) return null;
    throw err;
  }
}
