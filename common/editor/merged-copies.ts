/**
 * Mends the words two members' suggestions doubled when their edits merged.
 *
 * Two members who suggest on the same words apart each cut them out of the same text node, and
 * the Yjs merge keeps both cuts' copies (copy-stamps.ts says why). After a merge every laptop runs
 * this on the same merged text and so makes the same decisions: each character of a cut text is
 * kept in one copy only, the first cut's copies keeping those before a split point and the
 * second's the rest (so the words stay in order and no piece loses its middle), the point chosen
 * so that no suggested word ends up bare. The other copies go. Deleting the same
 * characters twice, and setting the same value twice, merge to the same document, so two laptops
 * that mend at once agree.
 *
 * Nothing acknowledged is lost: a suggestion whose copy goes is added to the `also` list of the
 * suggestion that kept the words (its format bits applied to them), so both are listed and both
 * can be accepted or rejected. Where the copies no longer agree letter for letter (someone typed
 * in them since), they are left alone: doubled words are better than guessed ones.
 */
import { $getNodeByKey, $getRoot, $isElementNode, $isRootOrShadowRoot, COLLABORATION_TAG, type ElementNode, type LexicalEditor, type LexicalNode, type NodeKey, type TextNode } from 'lexical';
import { $copyStamp, type CopyStamp } from './copy-stamps';
import { registerFormatCutStamps } from './format-cuts';
import { $isSuggestedInsertionNode, $isSuggestionNode, type AnySuggestionNode, type SameWordsSuggestion } from './nodes/SuggestionNodes';
import { $addSameWordsSuggestions, ownEntry } from './same-words';

interface Piece {
  node: TextNode;
  stamp: CopyStamp;
  text: string;
  from: number;
  to: number;
  wrapper: AnySuggestionNode | null;
  order: number;
  format: number;
}

// The root (and a table cell's shadow root) hold many blocks: a cut never spans them.
const isBlock = (n: LexicalNode): n is ElementNode => $isElementNode(n) && !n.isInline() && !$isRootOrShadowRoot(n);

function $blockOf(node: LexicalNode): ElementNode | null {
  let n: LexicalNode | null = node;
  while (n && !isBlock(n)) n = n.getParent();
  return n;
}

function $wrapperOf(node: LexicalNode, block: ElementNode): AnySuggestionNode | null {
  for (let n = node.getParent(); n && n !== block; n = n.getParent()) if ($isSuggestionNode(n)) return n;
  return null;
}

/** Two cuts' copies must agree on every character they share, else nobody can say which is right. */
function agree(pieces: Piece[]): boolean {
  for (const a of pieces)
    for (const b of pieces) {
      const lo = Math.max(a.from, b.from);
      const hi = Math.min(a.to, b.to);
      if (a !== b && lo < hi && a.text.slice(lo - a.from, hi - a.from) !== b.text.slice(lo - b.from, hi - b.from)) return false;
    }
  return true;
}

const overlaps = (a: Piece, b: Piece) => Math.max(a.from, b.from) < Math.min(a.to, b.to);

/**
 * Who keeps each character if the first cut's copies keep those before `split` and the second
 * cut's the rest (a character only one cut holds stays there). Null when that would keep a middle
 * part of a piece or put words out of order.
 */
function owners(first: Piece[], second: Piece[], split: number): Map<Piece, number[]> | null {
  const kept = new Map<Piece, number[]>([...first, ...second].map((p) => [p, []]));
  const lo = Math.min(...first.map((p) => p.from), ...second.map((p) => p.from));
  const hi = Math.max(...first.map((p) => p.to), ...second.map((p) => p.to));
  for (let i = lo; i < hi; i++) {
    const [mine, theirs] = i < split ? [first, second] : [second, first];
    const holder = mine.find((p) => p.from <= i && i < p.to) ?? theirs.find((p) => p.from <= i && i < p.to);
    holder && kept.get(holder)?.push(i);
  }
  const inOrder = [...first, ...second].flatMap((p) => kept.get(p) ?? []);
  if (inOrder.some((c, i) => i > 0 && c <= inOrder[i - 1])) return null;
  for (const cs of kept.values()) if (cs.length > 0 && cs[cs.length - 1] - cs[0] + 1 !== cs.length) return null;
  return kept;
}

/** Suggested words kept bare count heavily (a suggestion would lose them); a suggestion moved into another's `also` lightly. */
function cost(kept: Map<Piece, number[]>, all: Piece[]): number {
  let c = 0;
  for (const p of all) {
    if (!p.wrapper) continue;
    const mine = kept.get(p) ?? [];
    for (let i = p.from; i < p.to; i++) {
      if (mine.includes(i)) continue;
      const holder = all.find((o) => (kept.get(o) ?? []).includes(i));
      c += holder?.wrapper ? 0 : 1000;
    }
    if (mine.length < p.to - p.from) c += 1;
  }
  return c;
}

function $mendGroup(group: Piece[]): boolean {
  // Only the copies that share characters with another cut's; the rest (the uncut start) stays.
  const pieces = group.filter((p) => group.some((o) => o.stamp.cut !== p.stamp.cut && overlaps(p, o)));
  const cuts = [...new Set(pieces.map((p) => p.stamp.cut))];
  if (cuts.length !== 2 || pieces.some((p) => $isSuggestedInsertionNode(p.wrapper)) || !agree(pieces)) return false;
  // Each cut's copies sit together (Yjs puts one member's insert before the other's).
  const [first, second] = [pieces.filter((p) => p.stamp.cut === pieces[0].stamp.cut), pieces.filter((p) => p.stamp.cut !== pieces[0].stamp.cut)];
  if (first[first.length - 1].order > second[0].order) return false;
  let best: Map<Piece, number[]> | null = null;
  let bestCost = Infinity;
  const splits = [...new Set(pieces.flatMap((p) => [p.from, p.to]))].sort((x, y) => x - y);
  for (const split of splits) {
    const kept = owners(first, second, split);
    const c = kept ? cost(kept, pieces) + formatSpill(pieces, kept) : Infinity;
    if (c < bestCost) [best, bestCost] = [kept, c];
  }
  if (!best) return false;
  const formats = mergedFormats(pieces, best);
  let changed = false;
  for (const [p, format] of formats) {
    p.node.setFormat(format);
    changed = true;
  }
  for (const p of pieces) {
    const kept = best.get(p) ?? [];
    if (kept.length === p.to - p.from) continue;
    if (p.wrapper) {
      for (const o of pieces) if (o.wrapper && o.wrapper !== p.wrapper && overlaps(o, p) && (best.get(o) ?? []).length > 0) $addSameWordsSuggestions(o.wrapper, sameWordsOf(p.wrapper));
    }
    const wrapper = p.wrapper;
    if (kept.length === 0) p.node.remove();
    else p.node.setTextContent(p.text.slice(kept[0] - p.from, kept[kept.length - 1] - p.from + 1));
    if (wrapper && wrapper.isAttached() && wrapper.getChildrenSize() === 0) wrapper.remove();
    changed = true;
  }
  return changed;
}

/**
 * What one character's format becomes when several copies of it, each cut by a plain format
 * change, are made one: the format it had before, with every bit any member set or cleared set or
 * cleared (both members' changes kept). A bit one set and another cleared (only possible when
 * they started from different formats) stays set: a format is never dropped silently.
 */
function mergedFormat(copies: Piece[]): number {
  let added = 0;
  let removed = 0;
  for (const c of copies) {
    const was = c.stamp.was ?? 0;
    added |= c.format & ~was;
    removed |= was & ~c.format;
  }
  return ((copies[0].stamp.was ?? 0) | added) & ~(removed & ~added);
}

/**
 * The new format of each kept copy cut by plain format changes (suggestions carry their formats
 * in their wrappers, same-words.ts). A kept copy is one text node with one format; where its
 * characters' merged formats differ, it takes all of them, so neither member's format is lost.
 */
function mergedFormats(pieces: Piece[], kept: Map<Piece, number[]>): Map<Piece, number> {
  const out = new Map<Piece, number>();
  if (pieces.some((p) => p.wrapper || p.stamp.was === undefined)) return out;
  for (const p of pieces) {
    let format = 0;
    for (const i of kept.get(p) ?? []) format |= mergedFormat(pieces.filter((o) => o.from <= i && i < o.to));
    if ((kept.get(p) ?? []).length > 0 && format !== p.format) out.set(p, format);
  }
  return out;
}

/**
 * How many characters would show a format their words did not get (a kept copy takes all its
 * characters' formats): among equally good ways to keep the words, the one that spreads least.
 */
function formatSpill(pieces: Piece[], kept: Map<Piece, number[]>): number {
  const formats = mergedFormats(pieces, kept);
  let spill = 0;
  for (const [p, format] of formats) for (const i of kept.get(p) ?? []) if (mergedFormat(pieces.filter((o) => o.from <= i && i < o.to)) !== format) spill++;
  return spill;
}

/** A wrapper's own suggestion and those it already lists, as entries for another's `also`. */
function sameWordsOf(w: AnySuggestionNode): SameWordsSuggestion[] {
  const own = ownEntry(w);
  return [...(own ? [own] : []), ...w.getAlso()];
}

function $blocksOf(keys: Iterable<NodeKey> | undefined): Set<ElementNode> {
  const blocks = new Set<ElementNode>();
  const nodes = keys ? [...keys].map((k) => $getNodeByKey(k)) : $getRoot().getAllTextNodes();
  for (const n of nodes) {
    const b = n && n.isAttached() ? $blockOf(n) : null;
    if (b) blocks.add(b);
  }
  return blocks;
}

/** The stamped pieces of a block, by the text they were cut from. */
function $piecesByOrigin(block: ElementNode): Piece[][] {
  const groups = new Map<string, Piece[]>();
  block.getAllTextNodes().forEach((node, order) => {
    const stamp = $copyStamp(node);
    if (!stamp) return;
    const text = node.getTextContent();
    const piece = { node, stamp, text, from: stamp.from, to: stamp.from + text.length, wrapper: $wrapperOf(node, block), order, format: node.getFormat() };
    groups.set(stamp.of, [...(groups.get(stamp.of) ?? []), piece]);
  });
  return [...groups.values()];
}

/** Two different cuts hold some of the same characters. */
const doubled = (pieces: Piece[]) => pieces.some((a) => pieces.some((b) => a.stamp.cut !== b.stamp.cut && Math.max(a.from, b.from) < Math.min(a.to, b.to)));

/** Mends the blocks holding the given nodes (every block when none are given); true if it changed any. */
export function $mendMergedCopies(keys?: Iterable<NodeKey>): boolean {
  let changed = false;
  for (const block of $blocksOf(keys)) for (const pieces of $piecesByOrigin(block)) if (doubled(pieces) && $mendGroup(pieces)) changed = true;
  return changed;
}

/**
 * After each merge of another laptop's edits, mends what they doubled (as an edit of this laptop's,
 * so it syncs). Also stamps this editor's plain format changes' cuts, without which their copies
 * could not be told apart (format-cuts.ts): every editor that mends must stamp too.
 */
export function registerCopyMending(editor: LexicalEditor): () => void {
  const unstamp = registerFormatCutStamps(editor);
  const unmend = editor.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves, editorState }) => {
    if (!tags.has(COLLABORATION_TAG)) return;
    const keys = [...dirtyElements.keys(), ...dirtyLeaves];
    if (keys.length > 0 && editorState.read(() => [...$blocksOf(keys)].some((b) => $piecesByOrigin(b).some(doubled)))) {
      editor.update(() => void $mendMergedCopies(keys));
    }
  });
  return () => {
    unmend();
    unstamp();
  };
}
