/**
 * Generated comments as rows of the comments table, and the bare insert that is the import
 * scenario's baseline: one prepared statement, one transaction, no parsing or sanitizing.
 * The data set builder uses the same insert, so both hold the same rows.
 */
import type Database from 'better-sqlite3';
import { uuidv7 } from '../../common/ids';
import { commentText, generateCommentedPosts, type CommentSetShape, type GeneratedPost } from './comments';

export interface CommentRow {
  id: string;
  now: string;
  post_id: string;
  source_id: string;
  parent_id: string | null;
  parent_source_id: string | null;
  author_name: string;
  author_email: string;
  author_url: string;
  posted_at: string;
  body_html: string;
  body_text: string;
  status: string;
  type: string;
}

export const COMMENT_SOURCE = 'wxr';

/** Rows for every generated comment; postIds[i] is the stored post of generated post i. */
export function commentRows(shape: CommentSetShape, postIds: (post: GeneratedPost) => string): CommentRow[] {
  const rows: CommentRow[] = [];
  const now = new Date().toISOString();
  for (const post of generateCommentedPosts(shape)) {
    const ids = new Map<number, string>();
    const postId = postIds(post);
    for (const c of post.comments) {
      const id = uuidv7();
      ids.set(c.id, id);
      rows.push({
        id,
        now,
        post_id: postId,
        source_id: String(c.id),
        parent_id: c.parent ? (ids.get(c.parent) ?? null) : null,
        parent_source_id: c.parent ? String(c.parent) : null,
        author_name: c.author,
        author_email: c.email,
        author_url: c.url,
        posted_at: `${c.date.replace(' ', 'T')}.000Z`,
        body_html: c.html,
        body_text: commentText(c.html),
        status: c.status,
        type: c.type,
      });
    }
  }
  return rows;
}

export function insertCommentRows(db: Database.Database, rows: readonly CommentRow[]): void {
  const insert = db.prepare(
    `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, parent_id, parent_source_id,
       author_name, author_email, author_url, posted_at, body_html, body_text, status, type)
     VALUES (@id, @now, @now, @post_id, '${COMMENT_SOURCE}', @source_id, @parent_id, @parent_source_id,
       @author_name, @author_email, @author_url, @posted_at, @body_html, @body_text, @status, @type)`,
  );
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
}
