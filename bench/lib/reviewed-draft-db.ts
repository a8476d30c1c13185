/**
 * A copy of the data set in which the long draft is under review: its body holds the generated
 * notes' marks and pending suggestions (generate/reviewed-draft.ts), and every note has its open
 * thread in the store, written through the product's own repository functions.
 */
import { openDatabase } from '../../db/connection';
import { createNote } from '../../db/repos/notes';
import { updatePost } from '../../db/repos/posts';
import { copyDataset, type BenchData } from '../generate/index';
import { stored } from '../generate/dataset';
import { mulberry32 } from '../generate/prng';
import { reviewedDraft } from '../generate/reviewed-draft';

export interface ReviewedDatabase {
  file: string;
  notes: number;
  suggestions: number;
}

export function reviewedDraftDatabase(data: BenchData, name: string): ReviewedDatabase {
  const file = copyDataset(data, name);
  const draft = reviewedDraft(data.longDraft.state, data.sizes.review, mulberry32(data.sizes.seed).fork(11));
  const db = openDatabase(file);
  try {
    db.transaction(() => {
      const id = data.dataset.longDraftId;
      const revision = db.prepare('SELECT revision FROM posts WHERE id = ?').pluck().get(id) as number;
      updatePost(db, { id, baseRevision: revision, body: stored(draft.state) });
      const me = { id: null, name: 'Bench editor' };
      for (const n of draft.notes) createNote(db, { postId: id, id: n.id, quote: n.quote, body: `Source for “${n.quote}”?` }, me);
      // Still the most recently changed draft, so it stays first in the drafts list.
      db.prepare("UPDATE posts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second') WHERE id = ?").run(id);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { file, notes: draft.notes.length, suggestions: draft.suggestions };
}
