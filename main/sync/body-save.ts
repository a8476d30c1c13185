/**
 * A whole-body posts.update in a workspace, made on an older revision (a script, a CLI call, a
 * window that had not seen a colleague's change): not refused, but applied as the edit from that
 * revision's text to the new body onto the document as it is now, so words it did not change
 * keep everyone's edits since. Without a recorded base for that revision it is refused as before.
 */
import * as Y from 'yjs';
import type { EditorState } from '../../common/domain';
import type { DB } from '../../db/connection';
import { baseAt, stateAt } from './body-bases';
import { editFrom } from './body-binding';
import { bodyDocName } from './body-docs';
import { pushBody, writeRow } from './body-projection';
import { LOCAL, LocalDocs } from './local-docs';
import { readWorkspace } from './workspace-row';

/**
 * Merges the body of a save made on `baseRevision` and returns the post's revision after it (the
 * rest of the save goes on from there), or undefined when it cannot (no workspace, no base).
 */
export function mergeStaleBody(db: DB, docs: LocalDocs | undefined, f: { id: string; baseRevision: number; body: EditorState }): number | undefined {
  const ws = readWorkspace(db);
  const base = ws && baseAt(db, f.id, f.baseRevision);
  if (!ws || !base) return undefined;
  const own = docs ?? new LocalDocs(db);
  try {
    return db.transaction(() => {
      // A change of this laptop's own not merged yet goes in first, so it is not overwritten.
      pushBody(db, own, ws.role, f.id, ws.joined_at);
      const doc = own.get(bodyDocName(f.id));
      Y.applyUpdate(doc, editFrom(stateAt(doc, base.snapshot), f.body as never), LOCAL);
      writeRow(db, db.prepare('SELECT id, revision, title, standfirst, body, word_count, created_at FROM posts WHERE id = ?').get(f.id) as never, doc);
      return db.prepare('SELECT revision FROM posts WHERE id = ?').pluck().get(f.id) as number;
    })();
  } finally {
    if (!docs) own.destroy();
  }
}
