/**
 * Editorial notes are anchored in a draft body by Lexical's MarkNode (`"type": "mark"` with the
 * notes' ids). The mark is part of the body, so it moves with its words through typing, undo and
 * co-editing. It belongs to the editing conversation only: whatever renders the body for readers
 * unwraps the marks first, keeping their text.
 */

export const NOTE_MARK_TYPE = 'mark';

type JsonNode = Record<string, unknown> & { type?: unknown; children?: unknown; ids?: unknown };

const isNode = (v: unknown): v is JsonNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The children with every note mark replaced by its own children; the same array when none had one. */
function unwrapChildren(children: unknown[]): unknown[] {
  let changed = false;
  const out: unknown[] = [];
  for (const child of children) {
    if (!isNode(child)) {
      out.push(child);
      continue;
    }
    const inner = Array.isArray(child.children) ? unwrapChildren(child.children) : null;
    if (child.type === NOTE_MARK_TYPE) {
      changed = true;
      out.push(...(inner ?? []));
    } else if (inner && inner !== child.children) {
      changed = true;
      out.push({ ...child, children: inner });
    } else out.push(child);
  }
  return changed ? out : children;
}

/**
 * The body without note marks, for export and publish. A body without notes comes back as the
 * same object, so the common case copies nothing.
 */
export function withoutNoteMarks<T>(body: T): T {
  if (!isNode(body) || !isNode(body.root) || !Array.isArray(body.root.children)) return body;
  const children = unwrapChildren(body.root.children);
  return children === body.root.children ? body : ({ ...body, root: { ...body.root, children } } as T);
}

/** The ids of the notes anchored in a body, in text order (first occurrence). */
export function noteIdsInBody(body: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    if (node.type === NOTE_MARK_TYPE && Array.isArray(node.ids)) for (const id of node.ids) if (typeof id === 'string') ids.add(id);
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (isNode(body)) visit(body.root);
  return [...ids];
}
