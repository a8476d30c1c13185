/**
 * Span annotations on a comment's plain text. Offsets are stored with the quoted text, so when a
 * later import changes the comment the quote is found again (nearest occurrence to the old start);
 * if it is gone the annotation is kept and reported as 'lost' rather than pointing at wrong text.
 */
import type { DB } from '../connection';
import type { Annotation, AnnotationListItem } from '../../common/api/comments';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';
import { getComment } from './comments';
import { getTag } from './tags';

export interface AnnotationRow {
  id: string;
  comment_id: string;
  post_id: string;
  start: number;
  end: number;
  quote: string;
  tag_id: string | null;
  tag_name: string | null;
  note: string;
  reviewer: string;
  revision: number;
  created_at: string;
  updated_at: string;
  body_text: string;
  author_name?: string;
  post_title?: string;
}

/** Where `quote` sits in `text` now: the stored span if it still matches, else the nearest copy. */
export function reanchor(text: string, start: number, end: number, quote: string): { start: number; end: number; anchor: Annotation['anchor'] } {
  if (text.slice(start, end) === quote) return { start, end, anchor: 'exact' };
  let best = -1;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (best === -1 || Math.abs(i - start) < Math.abs(best - start)) best = i;
  }
  if (best === -1) return { start, end, anchor: 'lost' };
  return { start: best, end: best + quote.length, anchor: 'moved' };
}

/** Ids of a comment and all its live replies, at any depth (bind the comment id). */
export const DESCENDANTS = `WITH RECURSIVE sub(id, depth) AS (SELECT ?, 0 UNION ALL
  SELECT k.id, sub.depth + 1 FROM comments k JOIN sub ON k.parent_id = sub.id WHERE k.deleted_at IS NULL AND sub.depth < 1000)
  SELECT id FROM sub`;

export const ANNOTATION_SELECT = `SELECT a.id, a.comment_id, c.post_id, a.start, a."end", a.quote, a.note, a.reviewer, a.revision,
  a.created_at, a.updated_at, t.id AS tag_id, t.name AS tag_name, c.body_text, c.author_name, p.title AS post_title
  FROM annotations a JOIN comments c ON c.id = a.comment_id JOIN posts p ON p.id = c.post_id
  LEFT JOIN tags t ON t.id = a.tag_id AND t.deleted_at IS NULL`;

export function toAnnotation(r: AnnotationRow): Annotation {
  const at = reanchor(r.body_text, r.start, r.end, r.quote);
  return {
    id: r.id,
    commentId: r.comment_id,
    postId: r.post_id,
    ...at,
    quote: r.quote,
    tagId: r.tag_id,
    tagName: r.tag_name,
    note: r.note,
    reviewer: r.reviewer,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getAnnotation(db: DB, id: string): Annotation {
  const row = db.prepare(`${ANNOTATION_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as AnnotationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${id}.`);
  return toAnnotation(row);
}

export interface CreateAnnotationFields {
  commentId: string;
  start: number;
  end: number;
  quote: string;
  tagId?: string | null;
  note?: string;
  reviewer?: string;
}

export function createAnnotation(db: DB, f: CreateAnnotationFields): Annotation {
  const comment = getComment(db, f.commentId);
  if (f.end <= f.start || f.end > comment.text.length) {
    throw new AppError('BAD_INPUT', `annotation span ${f.start}–${f.end} is outside the comment's text (0–${comment.text.length}).`);
  }
  if (comment.text.slice(f.start, f.end) !== f.quote) {
    throw new AppError('BAD_INPUT', `annotation span ${f.start}–${f.end} does not hold the quoted text; the comment may have changed, select the text again.`);
  }
  if (f.tagId) getTag(db, f.tagId);
  const now = nowIso();
  const id = uuidv7();
  db.prepare(
    `INSERT INTO annotations (id, created_at, updated_at, comment_id, start, "end", quote, tag_id, note, reviewer, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(id, now, now, f.commentId, f.start, f.end, f.quote, f.tagId ?? null, f.note ?? '', f.reviewer ?? '');
  return getAnnotation(db, id);
}

export function updateAnnotation(db: DB, f: { id: string; baseRevision: number; tagId?: string | null; note?: string; reviewer?: string }): Annotation {
  return db.transaction(() => {
    const a = getAnnotation(db, f.id);
    if (a.revision !== f.baseRevision) {
      throw new AppError('CONFLICT', `This annotation was changed elsewhere (revision ${a.revision}, you edited ${f.baseRevision}); reload it and edit again.`, { revision: a.revision });
    }
    if (f.tagId) getTag(db, f.tagId);
    db.prepare('UPDATE annotations SET tag_id = ?, note = ?, reviewer = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
      f.tagId === undefined ? a.tagId : f.tagId,
      f.note ?? a.note,
      f.reviewer ?? a.reviewer,
      nowIso(),
      f.id,
    );
    return getAnnotation(db, f.id);
  })();
}

export function deleteAnnotation(db: DB, id: string): { id: string } {
  getAnnotation(db, id);
  const now = nowIso();
  db.prepare('UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  return { id };
}

export interface AnnotationQuery {
  commentId?: string;
  postId?: string;
  tagId?: string;
  /** A comment and its replies at any depth. */
  threadOf?: string;
  offset?: number;
  limit?: number;
}

function where(q: AnnotationQuery): { sql: string; params: unknown[] } {
  const w = ['a.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.commentId) (w.push('a.comment_id = ?'), params.push(q.commentId));
  if (q.postId) (w.push('c.post_id = ?'), params.push(q.postId));
  if (q.tagId) (w.push('a.tag_id = ?'), params.push(q.tagId));
  if (q.threadOf) (w.push(`a.comment_id IN (${DESCENDANTS})`), params.push(q.threadOf));
  return { sql: w.join(' AND '), params };
}

export function listAnnotations(db: DB, q: AnnotationQuery = {}): { items: AnnotationListItem[]; total: number } {
  const { sql, params } = where(q);
  const total = (db.prepare(`SELECT count(*) AS n FROM annotations a JOIN comments c ON c.id = a.comment_id WHERE ${sql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`${ANNOTATION_SELECT} WHERE ${sql} ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit ?? 200, q.offset ?? 0) as AnnotationRow[];
  const items = rows.map((r) => ({ ...toAnnotation(r), authorName: r.author_name ?? '', postTitle: r.post_title ?? '', commentText: r.body_text }));
  return { items, total };
}

/** Live annotations of several comments at once (the visible window of the list), by comment. */
export function annotationsOfComments(db: DB, ids: string[]): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(`${ANNOTATION_SELECT} WHERE a.comment_id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL ORDER BY a.start`)
    .all(JSON.stringify(ids)) as AnnotationRow[];
  for (const r of rows) {
    const list = out.get(r.comment_id) ?? [];
    list.push(toAnnotation(r));
    out.set(r.comment_id, list);
  }
  return out;
}
