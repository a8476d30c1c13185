/**
 * The long draft as it looks in the middle of an edit: the same body with open notes anchored to
 * words (note marks) and pending suggestions (insertions, deletions and format changes from three
 * members) spread evenly through its paragraphs. The text a reader gets is unchanged except for
 * the words the insertions add; every wrapped run is cut from an existing text node, so the
 * blocks, their order and the end marker stay where they were.
 */
import { TEXT_FORMAT, type SerializedEditorState } from '../../common/editor/serialized';
import type { Rng } from './prng';

export interface ReviewShape {
  notes: number;
  suggestions: number;
}

export interface PlacedNote {
  id: string;
  /** The words the note is anchored to. */
  quote: string;
}

export interface ReviewedDraft {
  state: SerializedEditorState;
  notes: PlacedNote[];
  suggestions: number;
}

const SUGGESTERS = [
  { id: 'bench-ann', name: 'Ann Editor' },
  { id: 'bench-bo', name: 'Bo Series' },
  { id: 'bench-cy', name: 'Cy Guest' },
];

/** Ids in the shape of a UUID, counted rather than random, so the same seed builds the same body. */
const idFor = (kind: number, i: number) => `00000000-0000-7000-800${kind}-${String(i).padStart(12, '0')}`;

type Json = Record<string, unknown> & { type: string; children?: Json[] };
type Kind = 'note' | 'insert' | 'delete' | 'format';

function wrapper(kind: Kind, i: number, rng: Rng, children: Json[]): Json {
  const element = { version: 1, direction: null, format: '', indent: 0, children };
  if (kind === 'note') return { type: 'mark', ids: [idFor(1, i)], ...element };
  const who = rng.pick(SUGGESTERS);
  const meta = { suggestionId: idFor(2, i), authorId: who.id, authorName: who.name, at: '2026-12-01T10:00:00.000Z' };
  if (kind === 'insert') return { type: 'suggestion-insert', ...meta, ...element };
  if (kind === 'delete') return { type: 'suggestion-delete', ...meta, ...element };
  // A proposed bold: the words inside already carry it, the mask says which bit was flipped.
  return { type: 'suggestion-format', ...meta, formatMask: TEXT_FORMAT.bold, ...element };
}

/**
 * Wraps `size` words of the first text node at or after `from` that has words to spare on both
 * sides, leaving the words before and after it as they were; returns where the next wrap may
 * start, or -1 when this block has no room left.
 */
function wrapWords(children: Json[], from: number, size: number, make: (inner: Json[]) => Json, kind: Kind): { next: number; quote: string } | null {
  for (let i = from; i < children.length; i++) {
    const c = children[i];
    if (c.type !== 'text' || typeof c.text !== 'string') continue;
    const tokens = c.text.split(' ');
    if (tokens.length < size + 2) continue;
    const before = `${tokens[0]} `;
    const words = `${tokens.slice(1, 1 + size).join(' ')} `;
    const after = tokens.slice(1 + size).join(' ');
    if (!after) continue;
    const format = kind === 'format' ? (c.format as number) ^ TEXT_FORMAT.bold : c.format;
    children.splice(i, 1, { ...c, text: before }, make([{ ...c, text: words, format }]), { ...c, text: after });
    return { next: i + 2, quote: words.trim() };
  }
  return null;
}

/** The draft with `shape.notes` notes and `shape.suggestions` suggestions, interleaved evenly through its paragraphs. */
export function reviewedDraft(plain: SerializedEditorState, shape: ReviewShape, rng: Rng): ReviewedDraft {
  const state = JSON.parse(JSON.stringify(plain)) as { root: { children: Json[] } };
  const blocks = state.root.children;
  // Top-level paragraphs but the last (the end marker's, where the typing bench types).
  const paragraphs = blocks.slice(0, -1).filter((b) => b.type === 'paragraph' && Array.isArray(b.children));
  const kinds: Kind[] = [];
  const total = shape.notes + shape.suggestions;
  // Spread notes evenly among suggestions: item i is a note when it crosses the next note's share.
  for (let i = 0; i < total; i++) kinds.push(Math.floor(((i + 1) * shape.notes) / total) > Math.floor((i * shape.notes) / total) ? 'note' : (['insert', 'delete', 'insert', 'delete', 'format'] as const)[i % 5]);
  const notes: PlacedNote[] = [];
  let suggestions = 0;
  const cursor = new Map<Json, number>();
  for (let i = 0; i < total; i++) {
    const kind = kinds[i];
    // Item i goes to its share of the paragraphs; a full paragraph passes it to the next ones.
    const start = Math.floor((i * paragraphs.length) / total);
    let placed = false;
    for (let j = 0; j < paragraphs.length && !placed; j++) {
      const p = paragraphs[(start + j) % paragraphs.length];
      const at = cursor.get(p) ?? 0;
      if (at < 0) continue;
      const done = wrapWords(p.children!, at, rng.int(1, 4), (inner) => wrapper(kind, i, rng, inner), kind);
      if (!done) {
        cursor.set(p, -1);
        continue;
      }
      cursor.set(p, done.next);
      placed = true;
      if (kind === 'note') notes.push({ id: idFor(1, i), quote: done.quote });
      else suggestions++;
    }
    if (!placed) throw new Error(`the draft has no room for ${total} notes and suggestions (placed ${notes.length + suggestions})`);
  }
  return { state: state as unknown as SerializedEditorState, notes, suggestions };
}
