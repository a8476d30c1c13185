/**
 * Editorial notes are anchored in a draft body by Lexical's MarkNode (`"type": "mark"` with the
 * notes' ids). The mark is part of the body, so it moves with its words through typing, undo and
 * co-editing. It belongs to the editing conversation only: whatever renders the body for readers
 * unwraps the marks first, keeping their text.
 */

import { isJsonNode as isNode, rewriteBody } from './rewrite-children';

export const NOTE_MARK_TYPE = 'mark';

/**
 * The body without note marks, for export and publish. A body without notes comes back as the
 * same object, so the common case copies nothing.
 */
export function withoutNoteMarks<T>(body: T): T {
  return rewriteBody(body, (node, children) => (node.type === NOTE_MARK_TYPE ? (children ?? []) : null));
}

/** The ids of the notes anchored in a body, in text order (first occurrence). */
export function noteIdsInBody(body: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    if (node.type === NOTE_MARK_TYPE && Array.isArray(node.ids)) for (const id of node.ids as unknown[]) if (typeof id === 'string') ids.add(id);
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (isNode(body)) visit(body.root);
  return [...ids];
}
