/**
 * Turns the body in a Lexical editor into a target body by the smallest change: blocks that did
 * not change keep their nodes, a changed block is patched in place where its shape is the same
 * (down to its text nodes, whose text @lexical/yjs then diffs into character edits), and only
 * blocks of another shape are replaced. Bound to a Yjs document, this is what lets a whole-body
 * save merge with a colleague's concurrent edits instead of overwriting them.
 */
import { diffArrays } from 'diff';
import { $getRoot, $isElementNode, $isTextNode, $parseSerializedNode, type ElementNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';

type Serialized = SerializedLexicalNode & { children?: Serialized[]; text?: string };

/** Must run inside editor.update; `current` is the root as serialized before this update. */
export function $reconcileRoot(current: { children: SerializedLexicalNode[] }, target: { children: SerializedLexicalNode[] }): void {
  $reconcileChildren($getRoot(), current.children as Serialized[], target.children as Serialized[]);
}

/** JSON with sorted keys: two serializations of one node compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Everything of a node but its children (for text: but its text): equal means patchable in place. */
function shape(n: Serialized): string {
  const { children: _c, text: _t, ...rest } = n;
  return canonical(rest);
}

function $reconcileChildren(parent: ElementNode, current: Serialized[], target: Serialized[]): void {
  const nodes = parent.getChildren();
  const changes = diffArrays(current.map(canonical), target.map(canonical));
  let i = 0;
  let j = 0;
  let anchor: LexicalNode | null = null;
  const place = (node: LexicalNode) => {
    if (anchor) anchor.insertAfter(node);
    else {
      const first = parent.getFirstChild();
      if (first) first.insertBefore(node);
      else parent.append(node);
    }
    anchor = node;
  };
  for (let c = 0; c < changes.length; c++) {
    const ch = changes[c]!;
    if (!ch.added && !ch.removed) {
      i += ch.count ?? ch.value.length;
      j += ch.count ?? ch.value.length;
      anchor = nodes[i - 1] ?? anchor;
      continue;
    }
    const removed = ch.removed ? ch.count ?? ch.value.length : 0;
    const next = ch.removed && changes[c + 1]?.added ? changes[++c]! : ch.added ? ch : undefined;
    const added = next ? next.count ?? next.value.length : 0;
    for (let k = 0; k < Math.max(removed, added); k++) {
      const old = k < removed ? nodes[i + k]! : undefined;
      const oldJson = k < removed ? current[i + k]! : undefined;
      const want = k < added ? target[j + k]! : undefined;
      if (old && oldJson && want && shape(oldJson) === shape(want) && $patch(old, oldJson, want)) {
        anchor = old;
        continue;
      }
      if (want) place($parseSerializedNode(want));
      old?.remove();
    }
    i += removed;
    j += added;
  }
}

/** Patches a node of the same shape in place; false when it cannot (the caller replaces it). */
function $patch(node: LexicalNode, from: Serialized, to: Serialized): boolean {
  if ($isTextNode(node)) {
    if (from.text !== to.text) node.setTextContent(to.text ?? '');
    return true;
  }
  if ($isElementNode(node) && from.children && to.children) {
    $reconcileChildren(node, from.children, to.children);
    return true;
  }
  return false;
}
