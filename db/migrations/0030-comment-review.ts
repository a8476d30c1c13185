/**
 * Comment review: the indexes the review pane's filters need at 100,000 comments. (The starter
 * tags are added on first use by db/repos/tags.ts, so an upgrade adds no rows.)
 */
import type Database from 'better-sqlite3';

export const version = 30;
export const name = 'comment-review';

export function up(db: Database.Database): void {
  db.exec(`
-- Live comments in date order, whole and per status: windows, counts and the status filter are
-- answered from these without reading rows or sorting (id breaks ties so paging is stable).
CREATE INDEX comments_live_posted ON comments(posted_at, id) WHERE deleted_at IS NULL;
CREATE INDEX comments_live_status ON comments(status, posted_at, id) WHERE deleted_at IS NULL;
-- Superseded by the two above; left in place the planner prefers them and then reads every row.
DROP INDEX comments_status;
DROP INDEX comments_posted;
CREATE INDEX comments_author_nocase ON comments(author_name COLLATE NOCASE);
CREATE INDEX comments_post_status ON comments(post_id, status);
CREATE INDEX annotations_comment_live ON annotations(comment_id) WHERE deleted_at IS NULL;
CREATE INDEX reply_drafts_comment_live ON reply_drafts(comment_id, status) WHERE deleted_at IS NULL;
`);
}
