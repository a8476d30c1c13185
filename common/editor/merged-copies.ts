/**
 * Mends the words two members' suggestions doubled when their edits merged.
 *
 * Two members who suggest on the same words apart each cut them out of the same text node, and
 * the Yjs merge keeps both cuts' copies (copy-stamps.ts says why). After a merge every laptop runs
 * this on the same merged text and so makes the same decisions: each character of a cut text is
 * kept in one piece only (`better` says which), and the other copies go. Deleting the same
 * characters twice, and setting the same value twice, merge to the same document, so two laptops
 * that mend at once agree.
 *
 * Nothing acknowledged is lost: a suggestion whose copy goes is added to the `also` list of the
 * suggestion that kept the words (its format bits applied to them), so both are listed and both
 * can be accepted or rejected. Where the copies no longer agree letter for letter (someone typed
 * in them since), they are left alone: doubled words are better than guessed ones.
 */
import { $getNodeByKey, $getRoot, $isElementNode, COLLABORATION_TAG, type ElementNode, type LexicalEditor, type LexicalNode, type NodeKey, type TextNode } from 'lexical';
import { $copyStamp, type CopyStamp } from './copy-stamps';
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
}

const isBlock = (n: LexicalNode): n is ElementNode => $isElementNode(n) && !n.isInline();

function $blockOf(node: LexicalNode): ElementNode | null {
  let n: LexicalNode | null = node;
  while (n && !isBlock(n)) n = n.getParent();
  return n;
}

function $wrapperOf(node: LexicalNode, block: ElementNode): AnySuggestionNode | null {
  for (let n = node.getParent(); n && n !== block; n = n.getParent()) if ($isSuggestionNode(n)) return n;
  return null;
}

/**
 * a before b when a should keep the characters both hold. Inside a suggestion before bare; of two
 * suggestions the wider, so the narrower goes whole (a piece is never cut in the middle); of two
 * bare pieces the later-starting one, which is the one cut around a suggestion.
 */
function better(a: Piece, b: Piece): boolean {
  if ((a.wrapper !== null) !== (b.wrapper !== null)) return a.wrapper !== null;
  const [la, lb] = [a.to - a.from, b.to - b.from];
  if (a.wrapper && b.wrapper) {
    if (la !== lb) return la > lb;
    const [ia, ib] = [a.wrapper.getSuggestionId(), b.wrapper.getSuggestionId()];
    if (ia !== ib) return ia < ib;
  } else if (a.from !== b.from) return a.from > b.from;
  else if (la !== lb) return la < lb;
  return a.order < b.order;
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

function $mendGroup(pieces: Piece[]): boolean {
  if (pieces.some((p) => $isSuggestedInsertionNode(p.wrapper)) || !agree(pieces)) return false;
  const owner = new Map<number, Piece>();
  for (const p of pieces)
    for (let i = p.from; i < p.to; i++) {
      const held = owner.get(i);
      if (!held || better(p, held)) owner.set(i, p);
    }
  let changed = false;
  for (const p of pieces) {
    const kept: number[] = [];
    const lostTo = new Set<Piece>();
    for (let i = p.from; i < p.to; i++) {
      const o = owner.get(i) as Piece;
      if (o === p) kept.push(i);
      else lostTo.add(o);
    }
    if (lostTo.size === 0) continue;
    // Keeping a middle part would need a new node, which the other laptop would make too: leave it.
    if (kept.length > 0 && kept[kept.length - 1] - kept[0] + 1 !== kept.length) continue;
    if (p.wrapper) for (const o of lostTo) if (o.wrapper && o.wrapper !== p.wrapper) $addSameWordsSuggestions(o.wrapper, sameWordsOf(p.wrapper));
    const wrapper = p.wrapper;
    if (kept.length === 0) p.node.remove();
    else p.node.setTextContent(p.text.slice(kept[0] - p.from, kept[kept.length - 1] - p.from + 1));
    if (wrapper && wrapper.isAttached() && wrapper.getChildrenSize() === 0) wrapper.remove();
    changed = true;
  }
  return changed;
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
    const piece = { node, stamp, text, from: stamp.from, to: stamp.from + text.length, wrapper: $wrapperOf(node, block), order };
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

/** After each merge of another laptop's edits, mends what they doubled (as an edit of this laptop's, so it syncs). */
export function registerCopyMending(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves, editorState }) => {
    if (!tags.has(COLLABORATION_TAG)) return;
    const keys = [...dirtyElements.keys(), ...dirtyLeaves];
    if (keys.length > 0 && editorState.read(() => [...$blocksOf(keys)].some((b) => $piecesByOrigin(b).some(doubled)))) {
      editor.update(() => void $mendMergedCopies(keys));
    }
  });
}
