/**
 * Series: creating and changing them, and reading one with its posts, notices and plan checks.
 * The running order and each post's step in the workflow are changed in series-posts.ts.
 */
import type { DB } from '../connection';
import type { PlanReport, SeriesDetail, SeriesInfo, SeriesNeighbour, SeriesPost } from '../../common/api/series';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { slugify } from '../../common/text';
import { DEFAULT_WORKFLOW } from '../../common/domain';
import { seriesNotice } from '../../common/series/ordinal';
import { checkPlan, isOverdue } from '../../common/series/plan';
import { isDelivered, outgoingStatuses, workflowProblems, type Workflow } from '../../common/series/workflow';
import { nowIso } from '../clock';

export const DEFAULT_NOTICE = 'This is the {ordinal} in a series of guest blogs that explores {topic}.';

export interface SeriesRow {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  slug: string;
  title: string;
  description: string;
  topic: string;
  cadence: string;
  notice_template: string;
  workflow: string;
  commission_status: string;
  delivery_status: string;
}

interface MemberRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  position: number | null;
  planned_date: string | null;
  deadline: string | null;
  delivered_at: string | null;
  published_at: string | null;
  word_count: number;
  updated_at: string;
}

export type SeriesRef = { id: string } | { slug: string };

export function seriesWorkflow(r: SeriesRow): Workflow {
  return { statuses: JSON.parse(r.workflow) as string[], commissionStatus: r.commission_status, deliveryStatus: r.delivery_status };
}

export function members(db: DB, seriesId: string): MemberRow[] {
  return db
    .prepare(
      `SELECT id, slug, title, status, position, planned_date, deadline, delivered_at, published_at, word_count, updated_at
       FROM posts WHERE series_id = ? AND deleted_at IS NULL ORDER BY position IS NULL, position, created_at, id`,
    )
    .all(seriesId) as MemberRow[];
}

interface SeriesStats {
  n: number;
  overdue: number | null;
  next_date: string | null;
}

/*
 * A post counts as delivered when delivered_at is set or its status is at or past the series'
 * delivery step; the second covers status changes made outside series.setStatus (the editor).
 */
const DELIVERED_BY_STATUS = `EXISTS (SELECT 1 FROM json_each(s.workflow) j
  WHERE j.value = p.status AND j.key >= (SELECT d.key FROM json_each(s.workflow) d WHERE d.value = s.delivery_status))`;

const STATS_COLUMNS = `count(*) AS n,
  sum(p.deadline IS NOT NULL AND p.delivered_at IS NULL AND p.deadline < @today AND NOT ${DELIVERED_BY_STATUS}) AS overdue,
  min(CASE WHEN p.planned_date >= @today THEN p.planned_date END) AS next_date`;
const STATS_FROM = 'FROM posts p JOIN series s ON s.id = p.series_id WHERE p.deleted_at IS NULL';

function toInfo(db: DB, r: SeriesRow, today: string, given?: SeriesStats): SeriesInfo {
  const stats =
    given ??
    (db.prepare(`SELECT ${STATS_COLUMNS} ${STATS_FROM} AND p.series_id = @id`).get({ id: r.id, today }) as SeriesStats);
  const w = seriesWorkflow(r);
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    topic: r.topic,
    cadence: r.cadence,
    noticeTemplate: r.notice_template,
    workflow: w.statuses,
    commissionStatus: w.commissionStatus,
    deliveryStatus: w.deliveryStatus,
    postCount: stats.n,
    overdueCount: stats.overdue ?? 0,
    nextPlannedDate: stats.next_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function findSeriesRow(db: DB, ref: SeriesRef, includeDeleted = false): SeriesRow {
  const [col, val] = 'id' in ref ? ['id', ref.id] : ['slug', ref.slug];
  const row = db.prepare(`SELECT * FROM series WHERE ${col} = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`).get(val) as SeriesRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No series with ${'id' in ref ? `id ${ref.id}` : `slug "${ref.slug}"`}; it may be in the trash.`);
  return row;
}

export function listSeries(db: DB, o: { trash?: boolean; today: string }): SeriesInfo[] {
  const rows = db
    .prepare(`SELECT * FROM series WHERE deleted_at IS ${o.trash ? 'NOT NULL' : 'NULL'} ORDER BY title COLLATE NOCASE, slug`)
    .all() as SeriesRow[];
  // One grouped pass over the posts for every series' counts, not one query per series.
  const stats = db
    .prepare(`SELECT p.series_id, ${STATS_COLUMNS} ${STATS_FROM} GROUP BY p.series_id`)
    .all({ today: o.today }) as (SeriesStats & { series_id: string })[];
  const byId = new Map(stats.map((x) => [x.series_id, x]));
  return rows.map((r) => toInfo(db, r, o.today, byId.get(r.id) ?? { n: 0, overdue: 0, next_date: null }));
}

function toNeighbour(m: MemberRow, position: number): SeriesNeighbour {
  return { id: m.id, slug: m.slug, title: m.title, position, status: m.status, plannedDate: m.planned_date, publishedAt: m.published_at };
}

export function getSeriesDetail(db: DB, ref: SeriesRef, today: string): SeriesDetail {
  const row = findSeriesRow(db, ref);
  const w = seriesWorkflow(row);
  const rows = members(db, row.id);
  const authorRows = db
    .prepare(
      `SELECT pa.post_id, a.id, a.name FROM post_authors pa
       JOIN authors a ON a.id = pa.author_id AND a.deleted_at IS NULL
       JOIN posts p ON p.id = pa.post_id AND p.series_id = ? AND p.deleted_at IS NULL
       WHERE pa.deleted_at IS NULL ORDER BY pa.post_id, pa.position`,
    )
    .all(row.id) as { post_id: string; id: string; name: string }[];
  const authors = new Map<string, { id: string; name: string }[]>();
  for (const a of authorRows) {
    const list = authors.get(a.post_id) ?? [];
    list.push({ id: a.id, name: a.name });
    authors.set(a.post_id, list);
  }

  // Positions are reported from the order itself, so a post trashed elsewhere never leaves a hole.
  // A status at or past the delivery step counts as delivered even if set outside series.setStatus.
  const entries = rows.map((m, i) => ({
    id: m.id,
    title: m.title,
    position: i + 1,
    plannedDate: m.planned_date,
    deadline: m.deadline,
    deliveredAt: m.delivered_at ?? (isDelivered(w, m.status) ? m.updated_at : null),
  }));
  const check = checkPlan(entries, row.cadence, today);
  const clashing = new Set(check.clashes.flatMap((c) => c.postIds));
  const outgoing = new Set(outgoingStatuses(w));
  // Two linear passes: the nearest linkable post before and after each position.
  const previous: (SeriesNeighbour | null)[] = [];
  const next: (SeriesNeighbour | null)[] = new Array(rows.length).fill(null);
  let seen: SeriesNeighbour | null = null;
  rows.forEach((m, i) => {
    previous.push(seen);
    if (outgoing.has(m.status)) seen = toNeighbour(m, i + 1);
  });
  seen = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    next[i] = seen;
    if (outgoing.has(rows[i].status)) seen = toNeighbour(rows[i], i + 1);
  }

  const posts: SeriesPost[] = rows.map((m, i) => ({
    id: m.id,
    slug: m.slug,
    title: m.title,
    position: i + 1,
    status: m.status,
    authors: authors.get(m.id) ?? [],
    plannedDate: m.planned_date,
    deadline: m.deadline,
    deliveredAt: m.delivered_at,
    publishedAt: m.published_at,
    wordCount: m.word_count,
    notice: seriesNotice(row.notice_template, { position: i + 1, topic: row.topic, title: row.title }),
    overdue: isOverdue(entries[i], today),
    clash: clashing.has(m.id),
    previous: previous[i],
    next: next[i],
    updatedAt: m.updated_at,
  }));
  const plan: PlanReport = { today, cadence: row.cadence, ...check };
  return { series: toInfo(db, row, today), posts, plan };
}

/**
 * The series facts one post needs when it is published: its series, position, notice and the
 * scheduled/published neighbours to link to. Null when the post is in no (live) series.
 */
export function seriesContextOfPost(db: DB, postId: string, today: string): { series: SeriesInfo; post: SeriesPost } | null {
  const row = db
    .prepare('SELECT p.series_id FROM posts p JOIN series s ON s.id = p.series_id AND s.deleted_at IS NULL WHERE p.id = ? AND p.deleted_at IS NULL')
    .get(postId) as { series_id: string } | undefined;
  if (!row) return null;
  const detail = getSeriesDetail(db, { id: row.series_id }, today);
  const post = detail.posts.find((p) => p.id === postId);
  return post ? { series: detail.series, post } : null;
}

export function planSeries(db: DB, ref: SeriesRef, today: string): PlanReport {
  return getSeriesDetail(db, ref, today).plan;
}

function checkWorkflow(w: Workflow): void {
  const problems = workflowProblems(w);
  if (problems.length) throw new AppError('BAD_INPUT', `The workflow cannot be used: ${problems.join('; ')}.`);
}

function checkSlugFree(db: DB, slug: string, exceptId: string | null): void {
  const other = db.prepare('SELECT deleted_at FROM series WHERE slug = ? AND id IS NOT ?').get(slug, exceptId) as { deleted_at: string | null } | undefined;
  if (other) {
    throw new AppError('CONFLICT', `The slug "${slug}" is used by another series${other.deleted_at ? ' in the trash' : ''}; choose another.`);
  }
}

function uniqueSeriesSlug(db: DB, base: string): string {
  const taken = db.prepare('SELECT 1 FROM series WHERE slug = ?');
  if (!taken.get(base)) return base;
  for (let n = 2; ; n++) if (!taken.get(`${base}-${n}`)) return `${base}-${n}`;
}

export interface CreateSeriesFields {
  title: string;
  slug?: string;
  description?: string;
  topic?: string;
  cadence?: string;
  noticeTemplate?: string;
  workflow?: string[];
  commissionStatus?: string;
  deliveryStatus?: string;
}

export function createSeries(db: DB, f: CreateSeriesFields, today: string): SeriesInfo {
  const statuses = f.workflow ?? [...DEFAULT_WORKFLOW];
  const w: Workflow = {
    statuses,
    commissionStatus: f.commissionStatus ?? (statuses.includes('commissioned') ? 'commissioned' : statuses[1]),
    deliveryStatus: f.deliveryStatus ?? (statuses.includes('in-review') ? 'in-review' : statuses[Math.min(3, statuses.length - 1)]),
  };
  checkWorkflow(w);
  return db.transaction(() => {
    // A slug someone typed must be free; one made from the title gets a number until it is.
    const slug = f.slug ?? uniqueSeriesSlug(db, slugify(f.title));
    checkSlugFree(db, slug, null);
    const id = uuidv7();
    const now = nowIso();
    db.prepare(
      `INSERT INTO series (id, created_at, updated_at, slug, title, description, topic, cadence, notice_template, workflow, commission_status, delivery_status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, now, now, slug, f.title, f.description ?? '', f.topic ?? '', f.cadence ?? 'weekly', f.noticeTemplate ?? DEFAULT_NOTICE, JSON.stringify(w.statuses), w.commissionStatus, w.deliveryStatus);
    return toInfo(db, findSeriesRow(db, { id }), today);
  })();
}

export interface UpdateSeriesFields extends Partial<CreateSeriesFields> {
  id: string;
  renames?: { from: string; to: string }[];
}

export function updateSeries(db: DB, f: UpdateSeriesFields, today: string): SeriesInfo {
  return db.transaction(() => {
    const row = findSeriesRow(db, { id: f.id });
    const old = seriesWorkflow(row);
    const renames = new Map((f.renames ?? []).map((r) => [r.from, r.to]));
    const rename = (s: string) => renames.get(s) ?? s;
    const w: Workflow = {
      statuses: f.workflow ?? old.statuses.map(rename),
      commissionStatus: f.commissionStatus ?? rename(old.commissionStatus),
      deliveryStatus: f.deliveryStatus ?? rename(old.deliveryStatus),
    };
    checkWorkflow(w);
    if (f.slug !== undefined && f.slug !== row.slug) checkSlugFree(db, f.slug, row.id);
    const now = nowIso();
    const setStatus = db.prepare('UPDATE posts SET status = ?, updated_at = ? WHERE series_id = ? AND status = ? AND deleted_at IS NULL');
    // Two passes through temporary names, so swapping two names ("a"→"b", "b"→"a") cannot merge them.
    const moves = [...renames].filter(([from, to]) => from !== to);
    moves.forEach(([from], i) => setStatus.run(`\u0000rename-${i}`, now, row.id, from));
    moves.forEach(([, to], i) => setStatus.run(to, now, row.id, `\u0000rename-${i}`));
    const stranded = db
      .prepare(
        `SELECT status, count(*) AS n FROM posts WHERE series_id = ? AND deleted_at IS NULL
         AND status NOT IN (SELECT value FROM json_each(?)) GROUP BY status ORDER BY status`,
      )
      .all(row.id, JSON.stringify(w.statuses)) as { status: string; n: number }[];
    if (stranded.length) {
      const list = stranded.map((s) => `${s.n} post${s.n === 1 ? ' is' : 's are'} "${s.status}"`).join(', ');
      throw new AppError('CONFLICT', `The new workflow leaves out statuses still in use (${list}); move those posts or rename the status instead. Nothing was changed.`);
    }
    db.prepare(
      `UPDATE series SET title = ?, slug = ?, description = ?, topic = ?, cadence = ?, notice_template = ?, workflow = ?,
         commission_status = ?, delivery_status = ?, updated_at = ? WHERE id = ?`,
    ).run(
      f.title ?? row.title,
      f.slug ?? row.slug,
      f.description ?? row.description,
      f.topic ?? row.topic,
      f.cadence ?? row.cadence,
      f.noticeTemplate ?? row.notice_template,
      JSON.stringify(w.statuses),
      w.commissionStatus,
      w.deliveryStatus,
      now,
      row.id,
    );
    return toInfo(db, findSeriesRow(db, { id: row.id }), today);
  })();
}

export function trashSeries(db: DB, id: string): { id: string; deletedAt: string } {
  const now = nowIso();
  const res = db.prepare('UPDATE series SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
  if (res.changes === 0) throw new AppError('NOT_FOUND', `No series with id ${id} outside the trash.`);
  return { id, deletedAt: now };
}

export function restoreSeries(db: DB, id: string, today: string): SeriesInfo {
  const res = db.prepare('UPDATE series SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL').run(nowIso(), id);
  if (res.changes === 0) throw new AppError('NOT_FOUND', `No series with id ${id} in the trash.`);
  return toInfo(db, findSeriesRow(db, { id }), today);
}
