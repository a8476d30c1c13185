/**
 * Co-editing, what a member has seen of each draft body and which revisions were body-only
 * (issue 14):
 *
 * - sync_body_seen: per member and post, a Yjs snapshot of the body document when the member last
 *   had the draft open on this laptop. Opening it again shows what others changed since (who,
 *   which paragraphs), also after a period offline: the snapshot is on disk, the colleagues'
 *   changes arrive whenever the laptop syncs.
 * - sync_body_bases.projected: 1 where the revision was made by writing the body document's text
 *   into the row (a colleague's or another window's typing) and changed nothing else, so a save of
 *   the other fields made on the revision before it is not refused for it.
 */
import type Database from 'better-sqlite3';

export const version = 230;
export const name = 'body-seen';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE sync_body_seen (
  member_id TEXT NOT NULL,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  snapshot BLOB NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (member_id, post_id)
);
ALTER TABLE sync_body_bases ADD COLUMN projected INTEGER NOT NULL DEFAULT 0;
`);
}
