/**
 * Two of the comments table's seven secondary indexes cost every inserted comment an index
 * update and serve no query another index does not serve as well (checked with EXPLAIN QUERY
 * PLAN over every statement the app runs on comments: main/handlers/comment-query-plans.test.ts):
 *
 * - comments_post_live (post_id, deleted_at) answered a post's comment count from the index;
 *   post_comment_counts (migration 0200) answers it now. Its other users (a post's thread roots,
 *   annotations and rule scope by post, an import's orphan count) find the post's rows through
 *   comments_post (post_id, posted_at), or through the (source, post_id, source_id) key, and test
 *   deleted_at on the row, as few comments are deleted.
 * - comments_post_status (post_id, status): a post's rows within statuses are found through
 *   comments_post too. Its one taker was the import's bulk count fill, which walked this whole
 *   index (every comment in the store) to group by post, where a rowid range reads just the
 *   import's rows.
 *
 * A 2,000-comment import into the bench's 100,000-comment store updated nine b-trees a row; now
 * seven.
 */
import type Database from 'better-sqlite3';

export const version = 260;
export const name = 'comment-index-trim';

export function up(db: Database.Database): void {
  db.exec(`
DROP INDEX IF EXISTS comments_post_live;
DROP INDEX IF EXISTS comments_post_status;
`);
}
