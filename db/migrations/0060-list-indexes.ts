/**
 * Indexes for the lists people open most. Drafts keep their body inline, so every column stored
 * after it (status, tags, word count, revision) sits behind the body's overflow pages: a list of
 * 1,000 summaries read from the table walks tens of thousands of pages. posts_list holds every
 * column a summary shows, in list order, so a list never touches a body. comments_post_live
 * answers the comment count of a post, and post_authors_live a page's bylines, from the index
 * alone (deleted_at is a column, not a partial-index condition, so SQLite can read it there).
 */
import type Database from 'better-sqlite3';

export const version = 60;
export const name = 'list-indexes';

export function up(db: Database.Database): void {
  db.exec(`
CREATE INDEX posts_list ON posts(deleted_at, updated_at, id, created_at, slug, title, standfirst, status, series_id, position, planned_date, deadline, tags, revision, word_count);
CREATE INDEX comments_post_live ON comments(post_id, deleted_at);
CREATE INDEX post_authors_live ON post_authors(post_id, deleted_at, position, author_id);
`);
}
