/**
 * What suggestion mode does to the text (inside editor.update): typing, deleting and formatting
 * become suggestion nodes (common/editor/nodes/SuggestionNodes.ts) instead of changes, and
 * accepting or rejecting one turns it into a change or drops it. Here in common/, with no DOM:
 * the window's SuggestionModePlugin runs them, and so can the tests and any check of a body.
 */
import {
  $createLineBreakNode,
  $createTextNode,
  $findMatchingParent,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $splitNode,
  TEXT_TYPE_TO_FORMAT,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
  type TextFormatType,
  type TextNode,
} from 'lexical';
import { uuidv7 } from '../ids';
import {
  $createSuggestedDeletionNode,
  $createSuggestedFormatNode,
  $createSuggestedInsertionNode,
  $isSuggestedDeletionNode,
  $isSuggestedFormatNode,
  $isSuggestedInsertionNode,
  $isSuggestionNode,
  type AnySuggestionNode,
  type SuggestedDeletionNode,
  type SameWordsSuggestion,
  type SuggestionAuthor,
  type SuggestionMeta,
} from './nodes/SuggestionNodes';
import { $cutSelectionStamped } from './copy-stamps';
import { $settleSameWords } from './same-words';
import { $dropSpaceLeftByDeletion } from './deleted-word-space';

const keyOf = (n: LexicalNode | null | undefined) => n?.getKey() ?? null;

export function newSuggestion(author: SuggestionAuthor): SuggestionMeta {
  return { suggestionId: uuidv7(), author, at: new Date().toISOString() };
}

const closest = <T extends LexicalNode>(node: LexicalNode, is: (n: LexicalNode) => n is T): T | null => $findMatchingParent(node, (n) => is(n)) as T | null;
const isBlock = (n: LexicalNode): n is ElementNode => $isElementNode(n) && !n.isInline();
const isOwnInsertion = (node: LexicalNode, author: SuggestionAuthor) => {
  const ins = closest(node, $isSuggestedInsertionNode);
  return ins !== null && ins.getAuthorId() === author.id ? ins : null;
};
const inDeletion = (node: LexicalNode) => closest(node, $isSuggestedDeletionNode) !== null;

/** Typed or pasted text (\n as line breaks) as an insertion suggestion at the selection. */
export function $suggestInsertText(text: string, author: SuggestionAuthor): void {
  let sel = $getSelection();
  if (!$isRangeSelection(sel) || text === '') return;
  if (!sel.isCollapsed()) {
    $suggestDeleteSelection(sel, author, false);
    sel = $getSelection();
    if (!$isRangeSelection(sel)) return;
  }
  const at = sel.anchor.getNode();
  // Inside one's own pending insertion the words simply join it.
  // (spliced by hand: Lexical's insertText leaves an inline element at its end.)
  if ($isTextNode(at) && sel.anchor.type === 'text' && isOwnInsertion(at, author) && !text.includes('\n')) {
    at.spliceText(sel.anchor.offset, 0, text, true);
    return;
  }
  // New words never go inside a proposed deletion: they follow it.
  const deletion = closest(at, $isSuggestedDeletionNode);
  const target = deletion ? deletion.selectNext(0, 0) : sel;
  const node = $createSuggestedInsertionNode(newSuggestion(author));
  const lines = text.split('\n');
  let last: TextNode | null = null;
  lines.forEach((line, i) => {
    if (i > 0) node.append($createLineBreakNode());
    if (line) {
      last = $createTextNode(line).setFormat(target.format).setStyle(target.style);
      node.append(last);
    }
  });
  target.insertNodes([node]);
  if (last) (last as TextNode).selectEnd();
  else node.selectEnd();
}

/**
 * Whether words typed now simply join the author's own pending insertion: the caret is inside its
 * text, past the first character. Then the browser may type them itself, as in plain editing (they
 * land in the same text, still a suggestion): putting the caret back by hand after each key costs
 * a DOM selection update in a long draft on every keystroke.
 */
export function $joinsOwnInsertion(author: SuggestionAuthor): boolean {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) || !sel.isCollapsed() || sel.anchor.type !== 'text' || sel.anchor.offset === 0) return false;
  const at = sel.anchor.getNode();
  return $isTextNode(at) && isOwnInsertion(at, author) !== null;
}

/** The character beside a collapsed caret within its block, skipping words already proposed for deletion. */
function $characterBeside(sel: RangeSelection, backward: boolean): { node: TextNode; from: number; to: number } | null {
  const point = sel.anchor;
  const anchorNode = point.getNode();
  const block = isBlock(anchorNode) ? anchorNode : $findMatchingParent(anchorNode, isBlock);
  if (!block) return null;
  const texts = block.getAllTextNodes().filter((t) => !inDeletion(t) && t.getTextContentSize() > 0);
  let candidates: TextNode[];
  if (point.type === 'text' && $isTextNode(anchorNode)) {
    const offset = point.offset;
    const own = texts.includes(anchorNode) ? anchorNode : null;
    if (own && backward && offset > 0) return { node: own, from: offset - charLength(own.getTextContent(), offset, true), to: offset };
    if (own && !backward && offset < own.getTextContentSize()) return { node: own, from: offset, to: offset + charLength(own.getTextContent(), offset, false) };
    candidates = texts.filter((t) => t !== anchorNode && (backward ? t.isBefore(anchorNode) : anchorNode.isBefore(t)));
  } else {
    const el = anchorNode as ElementNode;
    const child = el.getChildAtIndex(point.offset);
    const before = (t: TextNode) => (child === null ? el.isParentOf(t) || t.isBefore(el) : t.isBefore(child) && !($isElementNode(child) && child.isParentOf(t)));
    candidates = texts.filter((t) => (backward ? before(t) : !before(t)));
  }
  const t = backward ? candidates[candidates.length - 1] : candidates[0];
  if (!t) return null;
  const text = t.getTextContent();
  return backward ? { node: t, from: text.length - charLength(text, text.length, true), to: text.length } : { node: t, from: 0, to: charLength(text, 0, false) };
}

/** 2 where a surrogate pair sits beside the offset, else 1. */
function charLength(text: string, offset: number, backward: boolean): number {
  const code = text.charCodeAt(backward ? offset - 1 : offset);
  return (backward ? code >= 0xdc00 && code <= 0xdfff : code >= 0xd800 && code <= 0xdbff) ? 2 : 1;
}

/**
 * Backspace or Delete: a collapsed caret proposes the character beside it for deletion; a
 * selection proposes its words. At a block's edge nothing happens (joining blocks is not a
 * suggestion this mode records).
 */
export function $suggestDelete(backward: boolean, author: SuggestionAuthor): void {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return;
  if (sel.isCollapsed()) {
    const ch = $characterBeside(sel, backward);
    if (!ch) return;
    sel.anchor.set(ch.node.getKey(), backward ? ch.to : ch.from, 'text');
    sel.focus.set(ch.node.getKey(), backward ? ch.from : ch.to, 'text');
  }
  $suggestDeleteSelection(sel, author, backward);
}

/** Inline leaves a deletion can hold: text, line breaks and inline decorators (footnotes). */
const isInlineLeaf = (n: LexicalNode) => $isTextNode(n) || $isLineBreakNode(n) || ($isDecoratorNode(n) && n.isInline());

/** The selected words become a deletion suggestion (one per block, one id); one's own pending words just go. */
export function $suggestDeleteSelection(sel: RangeSelection, author: SuggestionAuthor, backward: boolean): void {
  if (sel.isCollapsed()) return;
  const anchorOwn = isOwnInsertion(sel.anchor.getNode(), author);
  if (anchorOwn && anchorOwn === isOwnInsertion(sel.focus.getNode(), author)) {
    sel.removeText();
    return;
  }
  $cutSelectionStamped(sel);
  const meta = newSuggestion(author);
  const made: SuggestedDeletionNode[] = [];
  let current: SuggestedDeletionNode | null = null;
  for (const leaf of sel.extract().filter(isInlineLeaf)) {
    if (!leaf.isAttached() || ($isTextNode(leaf) && leaf.getTextContentSize() === 0)) continue;
    if (inDeletion(leaf)) {
      current = null;
      continue;
    }
    if (isOwnInsertion(leaf, author)) {
      leaf.remove();
      current = null;
      continue;
    }
    if (current === null || leaf.getPreviousSibling() !== current) {
      current = $createSuggestedDeletionNode(meta);
      leaf.insertBefore(current);
      made.push(current);
    }
    current.append(leaf);
  }
  if (made.length === 0) return;
  const first = $mergeNeighbours(made[0], author);
  const last = made.length === 1 ? first : $mergeNeighbours(made[made.length - 1], author);
  if (backward) first.selectPrevious();
  else last.selectNext(0, 0);
}

/** A deletion beside another of the same author's joins it, so a run of Backspaces is one suggestion. */
function $mergeNeighbours(node: SuggestedDeletionNode, author: SuggestionAuthor): SuggestedDeletionNode {
  let keep = node;
  const prev = keep.getPreviousSibling();
  if ($isSuggestedDeletionNode(prev) && prev.getAuthorId() === author.id) {
    prev.append(...keep.getChildren());
    keep.remove();
    keep = prev;
  }
  const next = keep.getNextSibling();
  if ($isSuggestedDeletionNode(next) && next.getAuthorId() === author.id && next.getSuggestionId() !== keep.getSuggestionId()) {
    const firstChild = next.getFirstChild();
    for (const child of keep.getChildren()) firstChild ? firstChild.insertBefore(child) : next.append(child);
    keep.remove();
    next.setMeta(keep.getMeta());
    keep = next;
  }
  return keep;
}

/** Splits an element so that `child` is its only child, keeping the siblings in copies before and after. */
function $isolate(parent: AnySuggestionNode, child: LexicalNode): void {
  const after = child.getNextSiblings();
  const before = child.getPreviousSiblings();
  const copy = () => ($isSuggestedFormatNode(parent) ? $createSuggestedFormatNode(parent.getMeta(), parent.getFormatMask()) : null);
  if (after.length) {
    const c = copy();
    if (c) parent.insertAfter(c.append(...after));
  }
  if (before.length) {
    const c = copy();
    if (c) parent.insertBefore(c.append(...before));
  }
}

/** Bold, italic and the rest as a format suggestion on the selected words; the original format is kept in the mask. */
export function $suggestFormat(format: TextFormatType, author: SuggestionAuthor): void {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return;
  // A caret's format applies to what is typed next, which is an insertion anyway.
  if (sel.isCollapsed()) return void sel.toggleFormat(format);
  const bit = TEXT_TYPE_TO_FORMAT[format];
  $cutSelectionStamped(sel);
  const texts = sel.extract().filter((n): n is TextNode => $isTextNode(n) && n.getTextContentSize() > 0 && !inDeletion(n));
  const turnOn = !texts.every((t) => t.hasFormat(format));
  const meta = newSuggestion(author);
  let current: ElementNode | null = null;
  for (const t of texts) {
    if (t.hasFormat(format) === turnOn) continue;
    t.toggleFormat(format);
    if (isOwnInsertion(t, author)) continue;
    const parent = t.getParent();
    if ($isSuggestedFormatNode(parent) && parent.getAuthorId() === author.id) {
      $isolate(parent, t);
      const mask = parent.getFormatMask() ^ bit;
      if (mask === 0) $unwrap(parent);
      else parent.setFormatMask(mask);
      current = null;
      continue;
    }
    if (current === null || t.getPreviousSibling() !== current) {
      current = $createSuggestedFormatNode(meta, bit);
      t.insertBefore(current);
    }
    current.append(t);
  }
}

function $unwrap(node: ElementNode): LexicalNode[] {
  const children = node.getChildren();
  for (const child of children) node.insertBefore(child);
  node.remove();
  return children;
}

/** An accepted suggested Enter (a line break in an insertion) splits its paragraph, as Enter would have. */
function $splitAtLineBreaks(nodes: LexicalNode[]): void {
  for (const lb of nodes) {
    if (!$isLineBreakNode(lb) || !lb.isAttached()) continue;
    const block = lb.getParent();
    if (!block || !isBlock(block)) continue;
    const at = lb.getIndexWithinParent();
    lb.remove();
    $splitNode(block, at);
  }
}

export type Resolution = 'accept' | 'reject';

/** What picks suggestions to settle: an element, or one of the suggestions it lists in `also`. */
export type SuggestionPick = (s: { getSuggestionId(): string; getAuthorId(): string }) => boolean;

const entryRef = (e: SameWordsSuggestion) => ({ getSuggestionId: () => e.suggestionId, getAuthorId: () => e.authorId });

/** Accepts or rejects every suggestion `which` picks; returns how many suggestions it settled. */
export function $resolveSuggestions(which: SuggestionPick, how: Resolution): number {
  const ids = new Set<string>();
  // Innermost first, so a nested suggestion is settled before the one around it moves or drops it.
  for (const node of $allSuggestionNodes().reverse()) {
    if (!node.isAttached()) continue;
    const picked = (e: SameWordsSuggestion) => which(entryRef(e));
    const also = node.getAlso().filter(picked);
    if (!which(node) && also.length === 0) continue;
    if (which(node)) ids.add(node.getSuggestionId());
    for (const e of also) ids.add(e.suggestionId);
    // By type: the three classes have the same shape, so TypeScript cannot narrow between them.
    const type = node.getType();
    if (type === 'suggestion-insert') {
      if (how === 'accept') $splitAtLineBreaks($unwrap(node));
      else node.remove();
    } else {
      const [prev, next] = [node.getPreviousSibling(), node.getNextSibling()];
      $settleSameWords(node, picked, how, $unwrap);
      // An accepted deletion removed its words (nothing took their place): the space they would
      // leave goes too.
      const closed = prev ? keyOf(prev.getNextSibling()) === keyOf(next) : next !== null && next.getPreviousSibling() === null;
      if (!node.isAttached() && closed) $dropSpaceLeftByDeletion(prev, next);
    }
  }
  return ids.size;
}

/** Every suggestion node in document order (parents before their children). */
export function $allSuggestionNodes(): AnySuggestionNode[] {
  const out: AnySuggestionNode[] = [];
  const visit = (n: LexicalNode) => {
    if ($isSuggestionNode(n)) out.push(n);
    if ($isElementNode(n)) for (const c of n.getChildren()) visit(c);
  };
  visit($getRoot());
  return out;
}

export interface PendingSuggestion {
  id: string;
  kind: 'insertion' | 'deletion' | 'format';
  authorId: string;
  authorName: string;
  at: string;
  quote: string;
}

const KIND = { 'suggestion-insert': 'insertion', 'suggestion-delete': 'deletion', 'suggestion-format': 'format' } as const;

/** The pending suggestions in text order, one entry per id, with the words they are about. */
export function $pendingSuggestions(): PendingSuggestion[] {
  const byId = new Map<string, PendingSuggestion>();
  const add = (id: string, type: string, author: SuggestionAuthor, at: string, words: string) => {
    const entry = byId.get(id);
    if (entry) entry.quote = `${entry.quote} ${words}`;
    else byId.set(id, { id, kind: KIND[type as keyof typeof KIND], authorId: author.id, authorName: author.name, at, quote: words });
  };
  for (const n of $allSuggestionNodes()) {
    const meta = n.getMeta();
    const words = n.getTextContent();
    add(meta.suggestionId, n.getType(), meta.author, meta.at, words);
    for (const e of n.getAlso()) add(e.suggestionId, e.type, { id: e.authorId, name: e.authorName }, e.at, words);
  }
  return [...byId.values()];
}

/** The draft's text without and with its pending suggestions, for the word counts. */
export function $suggestionTexts(): { without: string; with: string } {
  let without = '';
  let withAll = '';
  const visit = (n: LexicalNode, skipWithout: boolean, skipWith: boolean) => {
    const s1 = skipWithout || $isSuggestedInsertionNode(n);
    const s2 = skipWith || $isSuggestedDeletionNode(n);
    if ($isElementNode(n)) {
      for (const c of n.getChildren()) visit(c, s1, s2);
      if (isBlock(n)) {
        without += '\n';
        withAll += '\n';
      }
      return;
    }
    const t = n.getTextContent();
    if (!s1) without += t;
    if (!s2) withAll += t;
  };
  visit($getRoot(), false, false);
  return { without, with: withAll };
}
