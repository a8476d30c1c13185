/**
 * Suggested changes in a draft body: the contract.
 *
 * Pending suggestions are Lexical nodes in the draft body itself (nodes/SuggestionNodes.ts), so
 * they travel with co-editing and survive offline edits through Yjs like any other words:
 *
 *   - `suggestion-insert`: an inline element around words someone proposes to add;
 *   - `suggestion-delete`: an inline element around words someone proposes to remove;
 *   - `suggestion-format`: an inline element around words whose format someone proposes to change;
 *     the text nodes inside already carry the proposed format, and `formatMask` holds the flipped
 *     TextFormat bits, so each one's original format is `format ^ formatMask`.
 *
 * Each carries `suggestionId` (one suggestion may span several elements, e.g. a deletion across
 * paragraphs), `authorId` (the member's id), `authorName` (their display name then) and `at`
 * (ISO 8601 UTC).
 *
 * "The text without pending suggestions" is what readers get until someone accepts: insertion
 * content dropped, deletion content kept as plain text, format changes not applied. `withoutSuggestions`
 * turns a body (serialized editor state JSON) into it; `renderBody` calls it, so every exporter and
 * the WordPress publish go through it. `withSuggestions` is the text as if all were accepted.
 */

export const SUGGESTION_TYPES = ['suggestion-insert', 'suggestion-delete', 'suggestion-format'] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

type JsonNode = Record<string, unknown> & { type?: unknown; children?: unknown; format?: unknown; formatMask?: unknown };

const isNode = (v: unknown): v is JsonNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSuggestion = (n: JsonNode) => (SUGGESTION_TYPES as readonly unknown[]).includes(n.type);

type Resolve = 'reject' | 'accept';

/** Text nodes under a format suggestion with the mask flipped back (reject) or left (accept). */
function reformat(children: unknown[], mask: number): unknown[] {
  return children.map((c) => {
    if (!isNode(c)) return c;
    if (typeof c.format === 'number' && c.type === 'text') return { ...c, format: c.format ^ mask };
    return Array.isArray(c.children) ? { ...c, children: reformat(c.children, mask) } : c;
  });
}

/** The children with every suggestion resolved; the same array when none had one. */
function resolveChildren(children: unknown[], how: Resolve): unknown[] {
  let changed = false;
  const out: unknown[] = [];
  for (const child of children) {
    if (!isNode(child)) {
      out.push(child);
      continue;
    }
    let inner = Array.isArray(child.children) ? resolveChildren(child.children, how) : null;
    if (isSuggestion(child)) {
      changed = true;
      const dropped = (child.type === 'suggestion-insert' && how === 'reject') || (child.type === 'suggestion-delete' && how === 'accept');
      if (dropped) continue;
      if (child.type === 'suggestion-format' && how === 'reject' && inner) inner = reformat(inner, typeof child.formatMask === 'number' ? child.formatMask : 0);
      out.push(...(inner ?? []));
    } else if (inner && inner !== child.children) {
      changed = true;
      out.push({ ...child, children: inner });
    } else out.push(child);
  }
  return changed ? out : children;
}

function resolveBody<T>(body: T, how: Resolve): T {
  if (!isNode(body) || !isNode(body.root) || !Array.isArray(body.root.children)) return body;
  const children = resolveChildren(body.root.children, how);
  return children === body.root.children ? body : ({ ...body, root: { ...body.root, children } } as T);
}

/**
 * The body as readers get it while suggestions are pending: insertions dropped, deletions kept as
 * plain text, format changes undone. A body without suggestions comes back as the same object.
 */
export function withoutSuggestions<T>(body: T): T {
  return resolveBody(body, 'reject');
}

/** The body as if every pending suggestion were accepted (the preview's "with suggestions"). */
export function withSuggestions<T>(body: T): T {
  return resolveBody(body, 'accept');
}

export interface SuggestionSummary {
  id: string;
  type: SuggestionType;
  authorId: string;
  authorName: string;
  at: string;
}

/** The suggestions in a body, in text order (first occurrence of each id). */
export function suggestionsInBody(body: unknown): SuggestionSummary[] {
  const seen = new Map<string, SuggestionSummary>();
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    if (isSuggestion(node) && typeof node.suggestionId === 'string' && !seen.has(node.suggestionId)) {
      seen.set(node.suggestionId, {
        id: node.suggestionId,
        type: node.type as SuggestionType,
        authorId: String(node.authorId ?? ''),
        authorName: String(node.authorName ?? ''),
        at: String(node.at ?? ''),
      });
    }
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (isNode(body)) visit(body.root);
  return [...seen.values()];
}
