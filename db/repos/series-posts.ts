/**
 * The posts of a series: their running order and their step in the workflow. Positions of the
 * live (not trashed) posts of a series are always 1..n: every change loads the order, edits it
 * with common/series/order.ts and writes it back inside one transaction, so a failure half-way
 * leaves the old order untouched.
 */
import type { DB } from '../connection';
import type { SeriesDetail } from '../../common/api/series';
import { AppError } from '../../common/errors';
import { insertAt, moveTo, PositionError, removeFrom } from '../../common/series/order';
import { isDelivered } from '../../common/series/workflow';
import { nowIso } from '../clock';
import { createPost, findPostRow } from './posts';
import { createAuthor, setPostAuthors } from './authors';
import { takeSnapshot } from './revisions';
import { findSeriesRow, getSeriesDetail, members, seriesWorkflow, type SeriesRow } from './series';

function livePost(db: DB, postId: string) {
  const row = findPostRow(db, { id: postId });
  if (!row) throw new AppError('NOT_FOUND', `No post with id ${postId}; it may be in the trash.`);
  return row;
}

function seriesOfPost(db: DB, postId: string): SeriesRow {
  const post = livePost(db, postId);
  if (!post.series_id) throw new AppError('BAD_INPUT', `The post "${post.title || post.slug}" is not in a series.`);
  return findSeriesRow(db, { id: post.series_id });
}

/** Writes positions 1..n for the given order (and the series id for newcomers); untouched rows keep their timestamps. */
function writeOrder(db: DB, seriesId: string, order: readonly string[]): void {
  const now = nowIso();
  const update = db.prepare(
    `UPDATE posts SET series_id = @seriesId, position = @position, updated_at = @now
     WHERE id = @id AND (series_id IS NOT @seriesId OR position IS NOT @position)`,
  );
  order.forEach((id, i) => update.run({ id, seriesId, position: i + 1, now }));
}

function currentOrder(db: DB, seriesId: string): string[] {
  return members(db, seriesId).map((m) => m.id);
}

/** Runs an order change, turning a position mistake into a clear BAD_INPUT. */
function reorder(fn: () => string[], db: DB, seriesId: string): void {
  let order: string[];
  try {
    order = fn();
  } catch (err) {
    if (err instanceof PositionError) throw new AppError('BAD_INPUT', `${err.message}. Nothing was changed.`);
    throw err;
  }
  writeOrder(db, seriesId, order);
}

function leaveSeries(db: DB, postId: string, seriesId: string): void {
  reorder(() => removeFrom(currentOrder(db, seriesId), postId), db, seriesId);
  db.prepare('UPDATE posts SET series_id = NULL, position = NULL, updated_at = ? WHERE id = ?').run(nowIso(), postId);
}

export interface AddPostFields {
  seriesId: string;
  position?: number;
  postId?: string;
  title?: string;
  plannedDate?: string;
}

export function addPostToSeries(db: DB, f: AddPostFields, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = findSeriesRow(db, { id: f.seriesId });
    const w = seriesWorkflow(series);
    let postId: string;
    if (f.postId) {
      const post = livePost(db, f.postId);
      if (post.series_id === series.id) throw new AppError('CONFLICT', `"${post.title || post.slug}" is already in this series; move it instead.`);
      if (post.series_id) leaveSeries(db, post.id, post.series_id);
      if (!w.statuses.includes(post.status)) {
        db.prepare('UPDATE posts SET status = ?, updated_at = ? WHERE id = ?').run(w.statuses[0], nowIso(), post.id);
      }
      if (f.plannedDate) db.prepare('UPDATE posts SET planned_date = ?, updated_at = ? WHERE id = ?').run(f.plannedDate, nowIso(), post.id);
      postId = post.id;
    } else {
      postId = createPost(db, { title: f.title ?? '', status: w.statuses[0], seriesId: series.id, plannedDate: f.plannedDate ?? null }).id;
    }
    reorder(() => insertAt(currentOrder(db, series.id).filter((id) => id !== postId), postId, f.position), db, series.id);
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}

export function movePostInSeries(db: DB, postId: string, position: number, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = seriesOfPost(db, postId);
    reorder(() => moveTo(currentOrder(db, series.id), postId, position), db, series.id);
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}

export function removePostFromSeries(db: DB, postId: string, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = seriesOfPost(db, postId);
    leaveSeries(db, postId, series.id);
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}

export function transferPost(db: DB, postId: string, toSeriesId: string, position: number | undefined, today: string) {
  return db.transaction(() => {
    const from = seriesOfPost(db, postId);
    if (from.id === toSeriesId) throw new AppError('BAD_INPUT', 'The post is already in that series; move it to a position instead.');
    const to = findSeriesRow(db, { id: toSeriesId });
    leaveSeries(db, postId, from.id);
    const post = livePost(db, postId);
    const w = seriesWorkflow(to);
    if (!w.statuses.includes(post.status)) {
      throw new AppError('BAD_INPUT', `"${to.title}" has no status "${post.status}" in its workflow (${w.statuses.join(', ')}). Nothing was changed.`);
    }
    reorder(() => insertAt(currentOrder(db, to.id), postId, position), db, to.id);
    return { from: getSeriesDetail(db, { id: from.id }, today), to: getSeriesDetail(db, { id: to.id }, today) };
  })();
}

export function setPostStatus(db: DB, postId: string, status: string, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = seriesOfPost(db, postId);
    const w = seriesWorkflow(series);
    if (!w.statuses.includes(status)) {
      throw new AppError('BAD_INPUT', `"${status}" is not a status of "${series.title}"; its workflow is ${w.statuses.join(' → ')}.`);
    }
    const post = livePost(db, postId) as ReturnType<typeof livePost> & { delivered_at: string | null };
    if (post.status !== status) {
      const now = nowIso();
      // Delivered once the text reaches the delivery step; sent back before it, it is owed again.
      const deliveredAt = isDelivered(w, status) ? (post.delivered_at ?? now) : null;
      // Same as a status change in the editor: a snapshot of the text at the step, and a new
      // revision so an editor holding the old one gets a conflict rather than undoing this.
      takeSnapshot(db, findPostRow(db, { id: postId })!, `status: ${post.status} → ${status}`, now);
      db.prepare('UPDATE posts SET status = ?, delivered_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(status, deliveredAt, now, postId);
    }
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}

export interface CommissionFields {
  postId: string;
  authorId?: string;
  authorName?: string;
  deadline: string;
}

export function commissionPost(db: DB, f: CommissionFields, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = seriesOfPost(db, f.postId);
    const w = seriesWorkflow(series);
    let authorId = f.authorId;
    if (authorId) {
      if (!db.prepare('SELECT 1 FROM authors WHERE id = ? AND deleted_at IS NULL').get(authorId)) throw new AppError('NOT_FOUND', `No author with id ${authorId}.`);
    } else {
      const name = (f.authorName ?? '').trim();
      if (!name) throw new AppError('BAD_INPUT', 'series.commission: authorName is empty; give the guest author\'s name.');
      const found = db.prepare('SELECT id FROM authors WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 1').get(name) as { id: string } | undefined;
      authorId = found?.id ?? createAuthor(db, { name }).id;
    }
    setPostAuthors(db, f.postId, [authorId]);
    const post = livePost(db, f.postId);
    // Commissioning never moves a post backwards: one already drafting stays drafting.
    const status = w.statuses.indexOf(post.status) < w.statuses.indexOf(w.commissionStatus) ? w.commissionStatus : post.status;
    db.prepare('UPDATE posts SET deadline = ?, status = ?, updated_at = ? WHERE id = ?').run(f.deadline, status, nowIso(), f.postId);
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}

export function setPostDates(db: DB, postId: string, plannedDate: string | null, deadline: string | null | undefined, today: string): SeriesDetail {
  return db.transaction(() => {
    const series = seriesOfPost(db, postId);
    const now = nowIso();
    db.prepare('UPDATE posts SET planned_date = ?, updated_at = ? WHERE id = ?').run(plannedDate, now, postId);
    if (deadline !== undefined) db.prepare('UPDATE posts SET deadline = ? WHERE id = ?').run(deadline, postId);
    return getSeriesDetail(db, { id: series.id }, today);
  })();
}
