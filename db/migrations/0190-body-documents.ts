/**
 * Draft bodies as Yjs documents (issue 14):
 *
 * - sync_body_bases: each time a post's row and its body document agree (a projection wrote the
 *   row, or a save was merged into the document), the row's revision, a hash of the body JSON and
 *   a Yjs snapshot of the document. A save is merged as the edit from the snapshot of its base
 *   revision to the new body, so words it did not change keep colleagues' concurrent edits.
 */
import type Database from 'better-sqlite3';

export const version = 190;
export const name = 'body-documents';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE sync_body_bases (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  body_sha TEXT NOT NULL,
  snapshot BLOB NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (post_id, revision)
);
`);
}
