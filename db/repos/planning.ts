/**
 * Every post by planned date, across series: the planning calendar's window, the tray of undated
 * drafts, owners and reviewers, and My work. Reads the columns a calendar chip shows, with the
 * bylines of a whole window in one more query.
 */
import type { DB } from '../connection';
import type { PlanFacets, PlanFilter, PlanPost, PlanView, PostChange, WorkItem } from '../../common/api/planning';
import { AppError } from '../../common/errors';
import { findClashes, findEmptyWeeks, isOverdue } from '../../common/series/plan';
import { DEFAULT_WORKFLOW } from '../../common/domain';
import { nowIso } from '../clock';
import { authorsOfPosts } from './authors';
import { getMe, refuseNonMember } from './people';
import { getSetting, setSetting } from './settings';

interface PlanRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  series_id: string | null;
  series_title: string | null;
  position: number | null;
  planned_date: string | null;
  deadline: string | null;
  delivered_at: string | null;
  tags: string;
  owner_id: string | null;
  reviewer_id: string | null;
  word_count: number;
  updated_at: string;
}

const COLUMNS = `p.id, p.slug, p.title, p.status, p.series_id, s.title AS series_title, p.position, p.planned_date, p.deadline,
  p.delivered_at, p.tags, p.owner_id, p.reviewer_id, p.word_count, p.updated_at`;
const FROM = 'posts p LEFT JOIN series s ON s.id = p.series_id';

/** The tray holds at most this many undated drafts; the filters narrow it. */
export const TRAY_LIMIT = 300;

function toPlanPosts(db: DB, rows: PlanRow[], today: string): PlanPost[] {
  const authors = authorsOfPosts(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    seriesId: r.series_id,
    seriesTitle: r.series_title,
    position: r.position,
    plannedDate: r.planned_date,
    deadline: r.deadline,
    authors: (authors.get(r.id) ?? []).map((a) => ({ id: a.id, name: a.name })),
    tags: JSON.parse(r.tags) as string[],
    ownerId: r.owner_id,
    reviewerId: r.reviewer_id,
    wordCount: r.word_count,
    overdue: isOverdue({ deadline: r.deadline, deliveredAt: r.delivered_at }, today),
    updatedAt: r.updated_at,
  }));
}

function filterSql(f: PlanFilter): { where: string[]; params: unknown[] } {
  const where: string[] = ['p.deleted_at IS NULL'];
  const params: unknown[] = [];
  // Each list is one JSON parameter, so a filter of 200 series is still one statement shape.
  const list = (values: readonly string[]) => {
    params.push(JSON.stringify(values));
    return '(SELECT value FROM json_each(?))';
  };
  if (f.seriesIds.length) {
    const ids = f.seriesIds.filter((s) => s !== 'none');
    const parts = [];
    if (ids.length) parts.push(`p.series_id IN ${list(ids)}`);
    if (f.seriesIds.includes('none')) parts.push('p.series_id IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (f.statuses.length) where.push(`p.status IN ${list(f.statuses)}`);
  if (f.ownerIds.length) where.push(`p.owner_id IN ${list(f.ownerIds)}`);
  if (f.tags.length) where.push(`EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE t.value IN ${list(f.tags)})`);
  if (f.authorIds.length) {
    where.push(`EXISTS (SELECT 1 FROM post_authors pa WHERE pa.post_id = p.id AND pa.deleted_at IS NULL AND pa.author_id IN ${list(f.authorIds)})`);
  }
  return { where, params };
}

/** The posts planned in [from, to] after the filters, by date; no tray, no checks (the exports' rows). */
export function plannedPosts(db: DB, from: string, to: string, filter: PlanFilter, today: string): PlanPost[] {
  const { where, params } = filterSql(filter);
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} AND p.planned_date BETWEEN ? AND ? ORDER BY p.planned_date, s.title, p.position, p.title`)
    .all(...params, from, to) as PlanRow[];
  return toPlanPosts(db, rows, today);
}

export function planView(db: DB, from: string, to: string, filter: PlanFilter, today: string, withTray = true): PlanView {
  const posts = plannedPosts(db, from, to, filter, today);
  return { from, to, today, posts, tray: withTray ? trayPosts(db, filter, today) : [], clashes: findClashes(posts), emptyWeeks: findEmptyWeeks(posts, from, to) };
}

/** Undated drafts after the filters, newest first. Published posts are done: a published post with no date does not belong in a planning tray. */
function trayPosts(db: DB, filter: PlanFilter, today: string): PlanPost[] {
  const { where, params } = filterSql(filter);
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} AND p.planned_date IS NULL AND p.status != 'published' ORDER BY p.updated_at DESC LIMIT ?`)
    .all(...params, TRAY_LIMIT) as PlanRow[];
  return toPlanPosts(db, rows, today);
}

export function planPost(db: DB, id: string, today: string): PlanPost {
  const row = db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as PlanRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No post with id ${id}; it may have been moved to the trash.`);
  return toPlanPosts(db, [row], today)[0];
}

export function planFacets(db: DB): PlanFacets {
  const series = db.prepare('SELECT id, title FROM series WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE').all() as { id: string; title: string }[];
  const workflows = db.prepare('SELECT DISTINCT workflow FROM series WHERE deleted_at IS NULL').pluck().all() as string[];
  const statuses = [...new Set([...DEFAULT_WORKFLOW, ...workflows.flatMap((w) => JSON.parse(w) as string[])])];
  const tags = db
    .prepare("SELECT DISTINCT t.value FROM posts p, json_each(p.tags) t WHERE p.deleted_at IS NULL AND p.tags != '[]' ORDER BY t.value COLLATE NOCASE")
    .pluck()
    .all() as string[];
  const authors = db
    .prepare(
      `SELECT a.id, a.name FROM authors a WHERE a.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM post_authors pa WHERE pa.author_id = a.id AND pa.deleted_at IS NULL) ORDER BY a.name COLLATE NOCASE`,
    )
    .all() as { id: string; name: string }[];
  const people = db.prepare('SELECT id, name, member_role AS memberRole FROM people WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as PlanFacets['people'];
  return { series, statuses, tags, authors, people };
}

/** Re-dates a post; the triggers of migration 0095 log the change for My work. */
export function setPlannedDate(db: DB, postId: string, plannedDate: string | null, today: string): PlanPost {
  return db.transaction(() => {
    planPost(db, postId, today);
    db.prepare('UPDATE posts SET planned_date = ?, updated_at = ? WHERE id = ?').run(plannedDate, nowIso(), postId);
    return planPost(db, postId, today);
  })();
}

export function assignPost(db: DB, f: { postId: string; ownerId?: string | null; reviewerId?: string | null }, today: string): PlanPost {
  return db.transaction(() => {
    planPost(db, f.postId, today);
    if (f.ownerId) refuseNonMember(db, f.ownerId);
    if (f.reviewerId) refuseNonMember(db, f.reviewerId);
    const now = nowIso();
    if (f.ownerId !== undefined) db.prepare('UPDATE posts SET owner_id = ?, updated_at = ? WHERE id = ?').run(f.ownerId, now, f.postId);
    if (f.reviewerId !== undefined) db.prepare('UPDATE posts SET reviewer_id = ?, updated_at = ? WHERE id = ?').run(f.reviewerId, now, f.postId);
    return planPost(db, f.postId, today);
  })();
}

const SEEN_SETTING = 'planning.seen';
interface Seen {
  seq: number;
  at: string;
}

/** My work: what "me" owns or reviews by due date, overdue first, and the changes to it since last looked. */
export function myWork(db: DB, today: string): { meId: string | null; items: WorkItem[]; changes: PostChange[]; seenAt: string | null } {
  const me = getMe(db);
  const seen = getSetting<Seen>(db, SEEN_SETTING);
  if (!me) return { meId: null, items: [], changes: [], seenAt: seen?.at ?? null };
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.deleted_at IS NULL AND p.status != 'published' AND (p.owner_id = ? OR p.reviewer_id = ?)`)
    .all(me.id, me.id) as PlanRow[];
  const items = toPlanPosts(db, rows, today).map((post): WorkItem => {
    const due = post.deadline ?? post.plannedDate;
    const roles = [post.ownerId === me.id ? 'owner' : null, post.reviewerId === me.id ? 'reviewer' : null].filter((r): r is 'owner' | 'reviewer' => r !== null);
    return { post, roles, due, overdue: post.overdue || (due !== null && due < today) };
  });
  // Overdue first, then by due date; posts with no date last.
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.post.title.localeCompare(b.post.title));
  const changes = (
    db
      .prepare(
        `SELECT e.seq, e.post_id, p.title, p.slug, e.at, e.kind, e.old_value, e.new_value FROM post_events e JOIN posts p ON p.id = e.post_id
         WHERE e.seq > ? AND (p.owner_id = ? OR p.reviewer_id = ?) AND p.deleted_at IS NULL ORDER BY e.seq DESC LIMIT 200`,
      )
      .all(seen?.seq ?? 0, me.id, me.id) as { seq: number; post_id: string; title: string; slug: string; at: string; kind: 'status' | 'planned_date'; old_value: string | null; new_value: string | null }[]
  ).map((r) => ({ seq: r.seq, postId: r.post_id, title: r.title || r.slug, at: r.at, kind: r.kind, from: r.old_value, to: r.new_value }));
  return { meId: me.id, items, changes, seenAt: seen?.at ?? null };
}

export function markSeen(db: DB): { seenAt: string } {
  const seq = (db.prepare('SELECT coalesce(max(seq), 0) FROM post_events').pluck().get() as number) ?? 0;
  const at = nowIso();
  setSetting(db, SEEN_SETTING, { seq, at });
  return { seenAt: at };
}
