/**
 * Rewriting a serialized body's inline wrappers without Lexical (note marks unwrapped, suggestions
 * resolved): one walk, bottom-up, copying only the branches that change.
 */

export type JsonNode = Record<string, unknown> & { type?: unknown; children?: unknown };

export const isJsonNode = (v: unknown): v is JsonNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What stands in a node's place (its children already rewritten), or null to keep it. */
export type Replace = (node: JsonNode, children: unknown[] | null) => unknown[] | null;

/** The children rewritten; the same array when nothing changed. */
export function rewriteChildren(children: unknown[], replace: Replace): unknown[] {
  let changed = false;
  const out: unknown[] = [];
  for (const child of children) {
    if (!isJsonNode(child)) {
      out.push(child);
      continue;
    }
    const inner = Array.isArray(child.children) ? rewriteChildren(child.children, replace) : null;
    const instead = replace(child, inner);
    if (instead) {
      changed = true;
      out.push(...instead);
    } else if (inner && inner !== child.children) {
      changed = true;
      out.push({ ...child, children: inner });
    } else out.push(child);
  }
  return changed ? out : children;
}

/** The body with its root's children rewritten; the same object when nothing changed. */
export function rewriteBody<T>(body: T, replace: Replace): T {
  if (!isJsonNode(body) || !isJsonNode(body.root) || !Array.isArray(body.root.children)) return body;
  const children = rewriteChildren(body.root.children, replace);
  return children === body.root.children ? body : ({ ...body, root: { ...body.root, children } } as T);
}
