/** A draft's review summary as stored (common/notes/review-summary.ts): open notes, the mentions in them, pending suggestions. */
import type { DB } from '../connection';
import { messageParts } from '../../common/notes/mentions';
import { pendingSuggestionsIn, type ReviewSummary } from '../../common/notes/review-summary';

/** `body`: a body not yet stored (a save's pending change), read for its suggestions instead of the stored one. */
export function reviewSummary(db: DB, postId: string, body?: unknown): ReviewSummary {
  const pendingSuggestions = pendingSuggestionsIn(body ?? storedBody(db, postId));
  const openNotes = db.prepare('SELECT id, quote FROM notes WHERE post_id = ? AND resolved_at IS NULL ORDER BY created_at, id').all(postId) as Array<{ id: string; quote: string }>;
  if (openNotes.length === 0) return { openNotes, unresolvedMentions: [], pendingSuggestions };
  const bodies = db
    .prepare("SELECT m.note_id, m.body FROM note_messages m JOIN notes n ON n.id = m.note_id WHERE n.post_id = ? AND n.resolved_at IS NULL AND m.deleted_at IS NULL AND m.mentions != '[]' ORDER BY n.created_at, n.id, m.created_at")
    .all(postId) as Array<{ note_id: string; body: string }>;
  const seen = new Set<string>();
  const unresolvedMentions: ReviewSummary['unresolvedMentions'] = [];
  for (const { note_id, body } of bodies) {
    for (const part of messageParts(body)) {
      if (!('mention' in part) || seen.has(`${note_id} ${part.mention.id}`)) continue;
      seen.add(`${note_id} ${part.mention.id}`);
      unresolvedMentions.push({ noteId: note_id, name: part.mention.name });
    }
  }
  return { openNotes, unresolvedMentions, pendingSuggestions };
}

function storedBody(db: DB, postId: string): unknown {
  const row = db.prepare('SELECT body FROM posts WHERE id = ?').get(postId) as { body: string } | undefined;
  return row ? JSON.parse(row.body) : null;
}
