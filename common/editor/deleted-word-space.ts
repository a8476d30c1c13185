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

const plainText = (n: LexicalNode | null): TextNode | null => ($isTextNode(n) && n.isSimpleText() ? n : null);

/**
 * After a deleted span between `prev` and `next` (its siblings, null at the edge of its parent)
 * was removed: drops the space it would leave behind, if any. Only plain text is touched.
 */
export function $dropSpaceLeftByDeletion(prev: LexicalNode | null, next: LexicalNode | null): void {
  const before = plainText(prev);
  const after = plainText(next);
  if (before?.getTextContent().endsWith(' ') && (next === null || (after && TAKES_NO_SPACE_BEFORE.test(after.getTextContent())))) {
    return trim(before, 'end');
  }
  if (prev === null && after?.getTextContent().startsWith(' ')) trim(after, 'start');
}

function trim(node: TextNode, end: 'start' | 'end'): void {
  const text = node.getTextContent();
  const rest = end === 'end' ? text.slice(0, -1) : text.slice(1);
  if (rest) node.setTextContent(rest);
  else node.remove();
}
