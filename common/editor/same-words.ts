/**
 * Several suggestions on the same words: one suggestion element holds the words, and lists the
 * others in `also` (how they get there: merged-copies.ts). The text inside carries every pending
 * format change on it, so its original format is `format ^ flips`, where `flips` is the union of
 * the element's own mask and those of its `also` format changes (both members started from the
 * same original, so two changes of the same bit agree).
 *
 * Settling some of them keeps the others on the words: an accepted deletion removes the words
 * (and so every suggestion on them); a rejected format change flips back only the bits no other
 * pending change flips; when the element's own suggestion is settled, the first remaining one
 * takes its place (the element becomes of that kind).
 */
import { type ElementNode, type LexicalNode } from 'lexical';
import {
  $createSuggestedDeletionNode,
  $createSuggestedFormatNode,
  $isSuggestedFormatNode,
  type AnySuggestionNode,
  type SameWordsSuggestion,
} from './nodes/SuggestionNodes';

/** The element's own suggestion as an entry (an insertion has none: it never shares its words). */
export function ownEntry(node: AnySuggestionNode): SameWordsSuggestion | null {
  const type = node.getType();
  if (type !== 'suggestion-format' && type !== 'suggestion-delete') return null;
  const meta = node.getMeta();
  return { type, suggestionId: meta.suggestionId, authorId: meta.author.id, authorName: meta.author.name, at: meta.at, formatMask: $isSuggestedFormatNode(node) ? node.getFormatMask() : 0 };
}

const flipsOf = (entries: readonly SameWordsSuggestion[]) => entries.reduce((bits, e) => (e.type === 'suggestion-format' ? bits | e.formatMask : bits), 0);

function $flip(node: ElementNode, bits: number): void {
  if (bits) for (const t of node.getAllTextNodes()) t.setFormat(t.getFormat() ^ bits);
}

/** Adds suggestions to an element's `also` (not its own, nor ones it lists), applying their format to its words. */
export function $addSameWordsSuggestions(node: AnySuggestionNode, entries: readonly SameWordsSuggestion[]): void {
  const own = ownEntry(node);
  if (!own) return;
  const have = [own, ...node.getAlso()];
  const added = entries.filter((e) => !have.some((h) => h.suggestionId === e.suggestionId));
  if (added.length === 0) return;
  $flip(node, flipsOf(added) & ~flipsOf(have));
  node.setAlso([...node.getAlso(), ...added]);
}

/** Settles the picked suggestions among an element's own and its `also` ones. */
export function $settleSameWords(node: AnySuggestionNode, picked: (e: SameWordsSuggestion) => boolean, how: 'accept' | 'reject', $unwrap: (n: ElementNode) => LexicalNode[]): void {
  const own = ownEntry(node) as SameWordsSuggestion;
  const all = [own, ...node.getAlso()];
  const settled = all.filter(picked);
  if (how === 'accept' && settled.some((e) => e.type === 'suggestion-delete')) return void node.remove();
  const accepted = how === 'accept' ? flipsOf(settled) : 0;
  const remaining = all
    .filter((e) => !picked(e))
    .map((e) => (e.type === 'suggestion-format' ? { ...e, formatMask: e.formatMask & ~accepted } : e))
    // A format change someone else's accepted change already made is done.
    .filter((e) => e.type !== 'suggestion-format' || e.formatMask !== 0);
  $flip(node, flipsOf(all) & ~flipsOf(remaining) & ~accepted);
  const [first, ...rest] = remaining;
  if (!first) return void $unwrap(node);
  const meta = { suggestionId: first.suggestionId, author: { id: first.authorId, name: first.authorName }, at: first.at };
  if (first.type === node.getType()) {
    node.setMeta(meta).setAlso(rest);
    if ($isSuggestedFormatNode(node)) node.setFormatMask(first.formatMask);
    return;
  }
  const next = first.type === 'suggestion-format' ? $createSuggestedFormatNode(meta, first.formatMask) : $createSuggestedDeletionNode(meta);
  node.replace(next.setAlso(rest), true);
}
