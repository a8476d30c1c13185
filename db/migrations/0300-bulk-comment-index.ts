/**
 * Comments applied from the team workspace are added to the search index in bulk.
 *
 * Indexing each inserted comment through its FTS5 trigger cost about ten times as much as one
 * `INSERT INTO comments_fts ... SELECT` over the same rows (3.5 s against 0.34 s of CPU for 20,000
 * of the bench's comments): on a new member's first sync of 100,000 comments it was the largest
 * single cost. The insert trigger now stands aside while `sync_workspace.applying` is 2, which
 * only the sync's pull sets, and the pull indexes the rows it inserted before its transaction
 * commits (main/sync/projection.ts), so the index never misses a committed comment.
 */
import type Database from 'better-sqlite3';

export const version = 300;
export const name = 'bulk-comment-index';

/** The `applying` value of a pull that indexes the comments it inserts itself. */
export const APPLYING_BULK = 2;

export function up(db: Database.Database): void {
  db.exec(`
DROP TRIGGER comments_fts_ai;
CREATE TRIGGER comments_fts_ai AFTER INSERT ON comments
WHEN NOT EXISTS (SELECT 1 FROM sync_workspace WHERE applying = ${APPLYING_BULK}) BEGIN
  INSERT INTO comments_fts(rowid, author_name, body_text) VALUES (new.rowid, new.author_name, new.body_text);
END;
`);
}
