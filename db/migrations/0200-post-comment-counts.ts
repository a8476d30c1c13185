/**
 * Live comments per post and status, kept as the comments change. Every list of posts shows a
 * post's count (`workbench posts`, the drafts list) and the comments pane its per-status counts;
 * counting them from the comment indexes reads 100,000 entries, scattered over the file by the
 * imports that wrote them, cold at each CLI run (140 ms of CPU for `posts --json` at the bench's
 * size) and at each reload of the pane (60-80 ms). Here they are a table of at most four rows a
 * commented post.
 *
 * Derived data like comment_states: kept by triggers (an import suspends the insert trigger and
 * adds its rows in one statement, db/repos/comment-import.ts), never edited, not synced. A
 * comment is live while deleted_at is null; a row may hold 0 once its comments are gone.
 */
import type Database from 'better-sqlite3';

export const version = 200;
export const name = 'post-comment-counts';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE post_comment_counts (
  post_id TEXT NOT NULL,
  status TEXT NOT NULL,
  live INTEGER NOT NULL,
  PRIMARY KEY (post_id, status)
) WITHOUT ROWID;
INSERT INTO post_comment_counts (post_id, status, live)
  SELECT post_id, status, count(*) FROM comments WHERE deleted_at IS NULL GROUP BY post_id, status;
CREATE TRIGGER post_comment_counts_ai AFTER INSERT ON comments WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO post_comment_counts (post_id, status, live) VALUES (new.post_id, new.status, 1)
    ON CONFLICT (post_id, status) DO UPDATE SET live = live + 1;
END;
CREATE TRIGGER post_comment_counts_ad AFTER DELETE ON comments WHEN old.deleted_at IS NULL BEGIN
  UPDATE post_comment_counts SET live = live - 1 WHERE post_id = old.post_id AND status = old.status;
END;
CREATE TRIGGER post_comment_counts_au AFTER UPDATE OF post_id, status, deleted_at ON comments
  WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR old.post_id != new.post_id OR old.status != new.status BEGIN
  UPDATE post_comment_counts SET live = live - 1 WHERE post_id = old.post_id AND status = old.status AND old.deleted_at IS NULL;
  INSERT INTO post_comment_counts (post_id, status, live) SELECT new.post_id, new.status, 1 WHERE new.deleted_at IS NULL
    ON CONFLICT (post_id, status) DO UPDATE SET live = live + 1;
END;
`);
}
