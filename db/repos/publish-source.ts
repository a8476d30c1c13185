/**
 * What the publish exporters read: a post's series and neighbours, approved comments, and the
 * bytes of the pictures a body refers to. Read-only queries, kept apart from the series and
 * comment repos so exporting never depends on how those areas write.
 */
import type { DB } from '../connection';
import type { Comment } from '../../common/domain';
import { AppError } from '../../common/errors';
import { toComment, type CommentRow } from './comments';

export interface SeriesSource {
  id: string;
  slug: string;
  title: string;
  description: string;
  topic: string;
  noticeTemplate: string;
}

interface SeriesRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  topic: string;
  notice_template: string;
}

const toSeries = (r: SeriesRow): SeriesSource => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  description: r.description,
  topic: r.topic,
  noticeTemplate: r.notice_template,
});

export function findSeries(db: DB, ref: { id: string } | { slug: string }): SeriesSource {
  const [col, val] = 'id' in ref ? ['id', ref.id] : ['slug', ref.slug];
  const row = db
    .prepare(`SELECT id, slug, title, description, topic, notice_template FROM series WHERE ${col} = ? AND deleted_at IS NULL`)
    .get(val) as SeriesRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No series with ${'id' in ref ? `id ${ref.id}` : `slug "${ref.slug}"`}.`);
  return toSeries(row);
}

export interface SeriesPostSource {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  status: string;
  position: number | null;
  plannedDate: string | null;
  publishedAt: string | null;
}

/** A series' posts in reading order: by position, then planned date, then creation. */
export function seriesPosts(db: DB, seriesId: string): SeriesPostSource[] {
  const rows = db
    .prepare(
      `SELECT id, slug, title, standfirst, status, position, planned_date, published_at FROM posts
       WHERE series_id = ? AND deleted_at IS NULL
       ORDER BY position IS NULL, position, planned_date IS NULL, planned_date, created_at, id`,
    )
    .all(seriesId) as {
    id: string;
    slug: string;
    title: string;
    standfirst: string;
    status: string;
    position: number | null;
    planned_date: string | null;
    published_at: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    status: r.status,
    position: r.position,
    plannedDate: r.planned_date,
    publishedAt: r.published_at,
  }));
}

/** Approved comments of a post (trash excluded), oldest first. */
export function approvedComments(db: DB, postId: string): Comment[] {
  const rows = db
    .prepare(
      `SELECT * FROM comments WHERE post_id = ? AND status = 'approved' AND deleted_at IS NULL
       ORDER BY posted_at IS NULL, posted_at, id`,
    )
    .all(postId) as CommentRow[];
  return rows.map(toComment);
}

export interface AssetBytes {
  id: string;
  fileName: string;
  mime: string;
  data: Buffer;
}

/** The stored pictures with these ids (missing or trashed ones are simply absent). */
export function assetsByIds(db: DB, ids: string[]): AssetBytes[] {
  const stmt = db.prepare('SELECT id, file_name, mime, data FROM assets WHERE id = ? AND deleted_at IS NULL');
  const out: AssetBytes[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const row = stmt.get(id) as { id: string; file_name: string; mime: string; data: Buffer } | undefined;
    if (row) out.push({ id: row.id, fileName: row.file_name, mime: row.mime, data: row.data });
  }
  return out;
}
