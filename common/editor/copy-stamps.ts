/**
 * Where the words of a text node came from, stamped on the pieces a suggestion cuts out.
 *
 * @lexical/yjs writes a text node split, or moved into a new element, as "delete those characters,
 * insert a new node holding the same words". Two members who suggest on the same words apart both
 * insert such a copy, and Yjs keeps both: the words doubled after the merge. Each piece is stamped
 * with the text it was cut from (`of`), where in it the piece starts (`from`) and which cut made it
 * (`cut`), so the merge can recognise two cuts' copies of the same words (merged-copies.ts).
 *
 * `of` is a fingerprint of the uncut text: both members cut the very same node, so they compute the
 * same one without talking. A stamp is kept in the node's NodeState, which the binding syncs.
 */
import { $getState, $isTextNode, $setState, createState, type PointType, type RangeSelection, type TextNode } from 'lexical';
import { uuidv7 } from '../ids';

export interface CopyStamp {
  of: string;
  from: number;
  cut: string;
  /**
   * The format the words had before a plain format change cut them (format-cuts.ts): with it the
   * mend tells what each member changed and keeps both changes. Suggestions' cuts have none.
   */
  was?: number;
}

const isStamp = (v: unknown): v is CopyStamp =>
  typeof v === 'object' && v !== null && typeof (v as CopyStamp).of === 'string' && typeof (v as CopyStamp).from === 'number' && typeof (v as CopyStamp).cut === 'string';

export const COPY_STAMP = createState('copyOf', {
  parse: (v): CopyStamp | null => (isStamp(v) ? { of: v.of, from: v.from, cut: v.cut, ...(typeof v.was === 'number' ? { was: v.was } : {}) } : null),
});

export const $copyStamp = (node: TextNode): CopyStamp | null => $getState(node, COPY_STAMP);

/** FNV-1a of the text: the same words give the same name on every laptop. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16)}:${text.length}`;
}

function $stamp(node: TextNode, cut: string): CopyStamp {
  const had = $copyStamp(node);
  const stamp = { of: had?.of ?? fingerprint(node.getTextContent()), from: had?.from ?? 0, cut };
  $setState(node, COPY_STAMP, stamp);
  return stamp;
}

/**
 * Stamps the pieces one text was cut into, in order, with their places in the words it was cut
 * from: `had` is the uncut text's own stamp (it may itself be a piece of an earlier cut).
 */
export function $stampPieces(pieces: TextNode[], uncut: string, had: CopyStamp | null, cut: string, was?: number): void {
  let at = had?.from ?? 0;
  for (const p of pieces) {
    $setState(p, COPY_STAMP, { of: had?.of ?? fingerprint(uncut), from: at, cut, ...(was === undefined ? {} : { was }) });
    at += p.getTextContentSize();
  }
}

/** Splits `node` at `offsets`, every piece stamped with its place in the original words. */
function $splitStamped(node: TextNode, offsets: number[], cut: string): TextNode[] {
  const had = $copyStamp(node);
  const uncut = node.getTextContent();
  const pieces = node.splitText(...offsets.filter((o) => o > 0 && o < node.getTextContentSize()));
  $stampPieces(pieces, uncut, had, cut);
  return pieces;
}

/** The piece of a split text that starts at `offset`, or the whole text. */
const pieceFrom = (pieces: TextNode[], offset: number) => (offset > 0 && pieces.length > 1 ? pieces[1] : pieces[0]);

/**
 * Cuts the selection's edge texts at the selection and stamps every selected text, so that what the
 * suggestion then wraps is whole, stamped nodes. The selection is moved onto the pieces.
 */
export function $cutSelectionStamped(sel: RangeSelection): void {
  if (sel.isCollapsed()) return;
  const cut = uuidv7();
  const backward = sel.isBackward();
  const start: PointType = backward ? sel.focus : sel.anchor;
  const end: PointType = backward ? sel.anchor : sel.focus;
  const startNode = start.getNode();
  const endNode = end.getNode();
  // Read before splitting: splitText moves the selection's points onto the pieces.
  const [startOffset, endOffset] = [start.offset, end.offset];
  let from: { node: TextNode; offset: number } | null = null;
  let to: { node: TextNode; offset: number } | null = null;
  if (start.type === 'text' && end.type === 'text' && startNode === endNode && $isTextNode(startNode)) {
    const piece = pieceFrom($splitStamped(startNode, [startOffset, endOffset], cut), startOffset);
    from = { node: piece, offset: 0 };
    to = { node: piece, offset: piece.getTextContentSize() };
  } else {
    if (start.type === 'text' && $isTextNode(startNode)) from = { node: pieceFrom($splitStamped(startNode, [startOffset], cut), startOffset), offset: 0 };
    if (end.type === 'text' && $isTextNode(endNode) && endOffset > 0) {
      const piece = $splitStamped(endNode, [endOffset], cut)[0];
      to = { node: piece, offset: piece.getTextContentSize() };
    }
  }
  const [a, f] = backward ? [to, from] : [from, to];
  if (a) sel.anchor.set(a.node.getKey(), a.offset, 'text');
  if (f) sel.focus.set(f.node.getKey(), f.offset, 'text');
  for (const n of sel.getNodes()) if ($isTextNode(n) && n.getTextContentSize() > 0) $stamp(n, cut);
}
