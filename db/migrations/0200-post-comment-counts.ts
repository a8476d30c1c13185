/**
 * Each post's count of live comments, kept as the comments change. Every list of posts shows it
 * (`workbench posts`, the drafts list), and counting it from comments_post_live reads that index
 * whole: 100,000 entries, scattered over the file by the imports that wrote them, read cold by
 * each CLI run (140 ms of CPU at the bench's size, most of `posts --json`'s budget). Here it is a
 * table of one row per commented post.
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
  post_id TEXT PRIMARY KEY,
  live INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO post_comment_counts (post_id, live)
  SELECT post_id, count(*) FROM comments WHERE deleted_at IS NULL GROUP BY post_id;
CREATE TRIGGER post_comment_counts_ai AFTER INSERT ON comments WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO post_comment_counts (post_id, live) VALUES (new.post_id, 1)
    ON CONFLICT (post_id) DO UPDATE SET live = live + 1;
END;
CREATE TRIGGER post_comment_counts_ad AFTER DELETE ON comments WHEN old.deleted_at IS NULL BEGIN
  UPDATE post_comment_counts SET live = live - 1 WHERE post_id = old.post_id;
END;
CREATE TRIGGER post_comment_counts_au AFTER UPDATE OF post_id, deleted_at ON comments
  WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR old.post_id != new.post_id BEGIN
  UPDATE post_comment_counts SET live = live - 1 WHERE post_id = old.post_id AND old.deleted_at IS NULL;
  INSERT INTO post_comment_counts (post_id, live) SELECT new.post_id, 1 WHERE new.deleted_at IS NULL
    ON CONFLICT (post_id) DO UPDATE SET live = live + 1;
END;
`);
}
