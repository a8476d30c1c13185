/**
 * Imported reader comments: the row shape and its mapping to the API's Comment. Import (upsert)
 * and review (filters, moderation) build on these in their own modules.
 */
import type { DB } from '../connection';
import type { Comment } from '../../common/domain';
import { AppError } from '../../common/errors';

export interface CommentRow {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  post_id: string;
  source: string;
  source_id: string;
  parent_id: string | null;
  parent_source_id: string | null;
  author_name: string;
  author_role: string;
  author_organisation: string;
  author_email: string;
  author_url: string;
  posted_at: string | null;
  body_html: string;
  body_text: string;
  status: Comment['status'];
  type: Comment['type'];
  flags: string;
  revision: number;
}

export function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    postId: r.post_id,
    source: r.source,
    sourceId: r.source_id,
    parentId: r.parent_id,
    author: {
      name: r.author_name,
      role: r.author_role,
      organisation: r.author_organisation,
      email: r.author_email,
      url: r.author_url,
    },
    postedAt: r.posted_at,
    status: r.status,
    type: r.type,
    text: r.body_text,
    html: r.body_html,
    flags: JSON.parse(r.flags) as string[],
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getComment(db: DB, id: string): Comment {
  const row = db.prepare('SELECT * FROM comments WHERE id = ? AND deleted_at IS NULL').get(id) as CommentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No comment with id ${id}.`);
  return toComment(row);
}

/** A post's comments in thread-friendly order (oldest first), for listings and exports. */
export function listCommentsOfPost(db: DB, postId: string, status?: Comment['status']): (Comment & { parentSourceId: string | null })[] {
  const rows = db
    .prepare(
      `SELECT * FROM comments WHERE post_id = ? AND deleted_at IS NULL ${status ? 'AND status = ?' : ''}
       ORDER BY posted_at IS NULL, posted_at, rowid`,
    )
    .all(...(status ? [postId, status] : [postId])) as CommentRow[];
  return rows.map((r) => ({ ...toComment(r), parentSourceId: r.parent_source_id }));
}
