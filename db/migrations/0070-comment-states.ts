/**
 * Per-status counts of a search, without reading comment rows. A broad search ("patients",
 * 20,000 of 100,000 comments) had to test every entry of the status index against its matches
 * (20–30 ms), or look each match up in the comments table, whose rows are wide with their
 * bodies. comment_states holds just each comment's state, keyed by the same rowid the search
 * index uses, so the counts are one join of the matches with a table a few hundred pages long.
 *
 * Like comments_fts it is derived data: kept by triggers, never edited, and not synced (it is
 * rebuilt from comments wherever they are). `state` is the status of a live comment and
 * 'deleted' for a soft-deleted one.
 */
import type Database from 'better-sqlite3';

export const version = 70;
export const name = 'comment-states';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE comment_states (
  comment_rowid INTEGER PRIMARY KEY,
  state TEXT NOT NULL
);
INSERT INTO comment_states (comment_rowid, state)
  SELECT rowid, CASE WHEN deleted_at IS NULL THEN status ELSE 'deleted' END FROM comments;
CREATE TRIGGER comment_states_ai AFTER INSERT ON comments BEGIN
  INSERT INTO comment_states (comment_rowid, state) VALUES (new.rowid, CASE WHEN new.deleted_at IS NULL THEN new.status ELSE 'deleted' END);
END;
CREATE TRIGGER comment_states_au AFTER UPDATE OF status, deleted_at ON comments BEGIN
  UPDATE comment_states SET state = CASE WHEN new.deleted_at IS NULL THEN new.status ELSE 'deleted' END WHERE comment_rowid = new.rowid;
END;
CREATE TRIGGER comment_states_ad AFTER DELETE ON comments BEGIN
  DELETE FROM comment_states WHERE comment_rowid = old.rowid;
END;
`);
}
