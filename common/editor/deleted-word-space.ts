/**
 * A deleted word takes one space with it, as a person deleting it by hand would: accepting the
 * deletion of "bushes" in "rose bushes. Beds" gives "rose. Beds", not "rose . Beds", and of "red"
 * in "the red rose", "the rose" with one space. The window does it as it accepts a deletion; the
 * team server's guest rule (sync/body-writes.ts) lets an accepted deletion take that space, and no
 * other, so a guest author accepting one is not refused for it.
 */
import { $isTextNode, type LexicalNode, type TextNode } from 'lexical';

/** What a removed word must not leave a space before: another space, or closing punctuation. */
export const TAKES_NO_SPACE_BEFORE = /^[\s.,;:!?…)\]}»”’]/u;

/**
 * One side of a removed span: its text where it is plain text, null at the edge of its parent,
 * undefined where something else stands there (a link, a picture, another suggestion).
 */
export type Neighbour = string | null | undefined;

/**
 * Which space the removal leaves to drop: the last character of the text before it, where that is
 * a space and what follows takes none (a space, closing punctuation, the end of the parent); else
 * the first of the text after it, where the span started its parent. The rule the editor and the
 * serialized body (suggestions.ts) both apply.
 */
export function spaceLeftBy(before: Neighbour, after: Neighbour): 'before' | 'after' | null {
  if (typeof before === 'string' && before.endsWith(' ') && (after === null || (typeof after === 'string' && TAKES_NO_SPACE_BEFORE.test(after)))) return 'before';
  if (before === null && typeof after === 'string' && after.startsWith(' ')) return 'after';
  return null;
}

const side = (n: LexicalNode | null): Neighbour => (n === null ? null : $isTextNode(n) && n.isSimpleText() ? n.getTextContent() : undefined);

/**
 * After a deleted span between `prev` and `next` (its siblings, null at the edge of its parent)
 * was removed: drops the space it would leave behind, if any. Only plain text is touched.
 */
export function $dropSpaceLeftByDeletion(prev: LexicalNode | null, next: LexicalNode | null): void {
  const which = spaceLeftBy(side(prev), side(next));
  if (which === 'before') trim(prev as TextNode, 'end');
  else if (which === 'after') trim(next as TextNode, 'start');
}

function trim(node: TextNode, end: 'start' | 'end'): void {
  const text = node.getTextContent();
  const rest = end === 'end' ? text.slice(0, -1) : text.slice(1);
  if (rest) node.setTextContent(rest);
  else node.remove();
}
