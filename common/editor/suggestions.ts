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
 * (ISO 8601 UTC). A deletion or format element may list in `also` further deletions and format
 * changes on exactly its words (two members suggested on the same words apart; same-words.ts):
 * its text carries their format bits too.
 *
 * "The text without pending suggestions" is what readers get until someone accepts: insertion
 * content dropped, deletion content kept as plain text, format changes not applied. `withoutSuggestions`
 * turns a body (serialized editor state JSON) into it; `renderBody` calls it, so every exporter and
 * the WordPress publish go through it. `withSuggestions` is the text as if all were accepted.
 */

import { isJsonNode as isNode, rewriteBody, type JsonNode } from './rewrite-children';
import { spaceLeftBy, type Neighbour } from './deleted-word-space';

export const SUGGESTION_TYPES = ['suggestion-insert', 'suggestion-delete', 'suggestion-format'] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

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

interface Entry {
  type?: unknown;
  formatMask?: unknown;
  suggestionId?: unknown;
  authorId?: unknown;
  authorName?: unknown;
  at?: unknown;
}

/** The element's own suggestion and those it lists in `also`. */
const entriesOf = (node: JsonNode): Entry[] => [node, ...(Array.isArray(node.also) ? (node.also as unknown[]).filter(isNode) : [])];

/** Where an accepted deletion's words were: gone once the space they leave is dropped. */
const DROPPED = { type: '#dropped-deletion' };

const plainText = (n: unknown): n is JsonNode & { text: string } => isNode(n) && n.type === 'text' && typeof n.text === 'string' && (n.mode === undefined || n.mode === 'normal');

/** A neighbour for spaceLeftBy: no node is the parent's edge. */
const sideOf = (n: unknown): Neighbour => (n === undefined ? null : plainText(n) ? n.text : undefined);

/** A deleted word takes one space with it, as accepting it in the editor does (deleted-word-space.ts). */
function dropSpacesLeft(children: unknown[]): unknown[] | null {
  if (!children.includes(DROPPED)) return null;
  const list = [...children];
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const child = list[i];
    if (child !== DROPPED) {
      out.push(child);
      continue;
    }
    const prev = out[out.length - 1];
    const next = list[i + 1];
    const which = spaceLeftBy(sideOf(prev), sideOf(next));
    if (which === 'before' && plainText(prev)) {
      if (prev.text.length > 1) out[out.length - 1] = { ...prev, text: prev.text.slice(0, -1) };
      else out.pop();
    } else if (which === 'after' && plainText(next)) {
      if (next.text.length > 1) list[i + 1] = { ...next, text: next.text.slice(1) };
      else i++;
    }
  }
  return out;
}

function resolveBody<T>(body: T, how: Resolve): T {
  const resolved = rewriteBody(body, (node, children) => {
    if (!isSuggestion(node)) return null;
    const entries = entriesOf(node);
    if (how === 'accept' && entries.some((e) => e.type === 'suggestion-delete')) return [DROPPED];
    const dropped = node.type === 'suggestion-insert' && how === 'reject';
    if (dropped || !children) return [];
    const flips = entries.reduce((bits: number, e) => (e.type === 'suggestion-format' && typeof e.formatMask === 'number' ? bits | e.formatMask : bits), 0);
    return how === 'reject' && flips ? reformat(children, flips) : children;
  });
  if (how === 'reject') return resolved;
  return rewriteBody(resolved, (node, children) => {
    const tidied = children && dropSpacesLeft(children);
    return tidied ? [{ ...node, children: tidied }] : null;
  });
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
    if (isSuggestion(node)) {
      for (const e of entriesOf(node)) {
        if (typeof e.suggestionId !== 'string' || seen.has(e.suggestionId)) continue;
        seen.set(e.suggestionId, { id: e.suggestionId, type: e.type as SuggestionType, authorId: String(e.authorId ?? ''), authorName: String(e.authorName ?? ''), at: String(e.at ?? '') });
      }
    }
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (isNode(body)) visit(body.root);
  return [...seen.values()];
}
