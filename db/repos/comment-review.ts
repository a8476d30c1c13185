/**
 * The review pane's queries: one window of comments matching a filter (flat by date or nested
 * by thread), totals and per-status counts, and moderation with a revision check and undo.
 * Filters are sub-selects the planner can answer from indexes, so a window over 100,000 comments
 * costs a count plus LIMIT rows; per-row extras (title, reply count, annotations, highlights)
 * are fetched for the window only.
 */
import type { DB } from '../connection';
import type { CommentFilter, CommentListItem, CommentOrder, StatusChange, StatusCounts } from '../../common/api/comments';
import type { CommentStatus } from '../../common/domain';
import { COMMENT_STATUSES } from '../../common/domain';
import { AppError } from '../../common/errors';
import { nowIso } from '../clock';
import { toComment, type CommentRow } from './comments';
import { annotationsOfComments, DESCENDANTS } from './annotations';
import { matchRanges } from './search-highlight';
import { ftsQuery, searchWords } from './search-query';
import { moderationOfComments, moderationWhere, prepareModerationFilter } from './comment-moderation';

interface Where {
  sql: string;
  params: unknown[];
  /** The FTS query when the filter searches, for highlighting. */
  fts: string | null;
  /** A search with no words in it matches nothing. */
  empty: boolean;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}


/**
 * A search matching at most this many comments is answered by looking its matches up by rowid;
 * a broader one by walking an index and testing membership, which stops after one window for
 * the list. Either way costs about the same near this size (a lookup ~20 index entries walked).
 */
const LOOKUP_MAX_MATCHES = 5000;

/** Comments matching an FTS query, stopping once past the lookup limit (deleted ones included). */
function ftsMatchesUpTo(db: DB, fts: string): number {
  const row = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM comments_fts WHERE comments_fts MATCH ? LIMIT ?)').get(fts, LOOKUP_MAX_MATCHES + 1) as { n: number };
  return row.n;
}

/** Whether a filter's search is narrow enough to look its matches up one by one. */
function narrowSearch(db: DB, f: CommentFilter): boolean {
  const fts = f.search?.trim() ? ftsQuery(f.search) : null;
  return fts !== null && ftsMatchesUpTo(db, fts) <= LOOKUP_MAX_MATCHES;
}

/**
 * The filter as SQL over comments c. `lookup`: a narrow search, answered by rowid lookups of its
 * matches; otherwise the search is a membership test on whatever index the rest of the query walks.
 */
export function filterWhere(f: CommentFilter, withStatus = true, lookup = false): Where {
  const w = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  let fts: string | null = null;
  let empty = false;
  if (f.postId) (w.push('c.post_id = ?'), params.push(f.postId));
  if (withStatus && f.status?.length) {
    w.push(`c.status IN (${f.status.map(() => '?').join(',')})`);
    params.push(...f.status);
  }
  if (f.tagId) {
    w.push('c.id IN (SELECT comment_id FROM annotations WHERE tag_id = ? AND deleted_at IS NULL)');
    params.push(f.tagId);
  }
  if (f.annotated !== undefined) {
    w.push(`c.id ${f.annotated ? '' : 'NOT '}IN (SELECT comment_id FROM annotations WHERE deleted_at IS NULL)`);
  }
  if (f.hasReplyDraft !== undefined) {
    w.push(`c.id ${f.hasReplyDraft ? '' : 'NOT '}IN (SELECT comment_id FROM reply_drafts WHERE deleted_at IS NULL)`);
  }
  if (f.author?.trim()) {
    w.push("c.author_name LIKE ? ESCAPE '\\'");
    params.push(`${f.author.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  }
  if (f.from) (w.push('c.posted_at >= ?'), params.push(f.from));
  if (f.to) (w.push('c.posted_at < ?'), params.push(nextDay(f.to)));
  if (f.search?.trim()) {
    fts = ftsQuery(f.search);
    if (fts) {
      // The unary + keeps the planner walking a date index and testing membership, so a common
      // word stops after one window instead of sorting every match. A rare word is looked up
      // instead: walking 100,000 index entries to find a handful costs more than sorting them.
      w.push(`${lookup ? '' : '+'}c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)`);
      params.push(fts);
    } else empty = true;
  }
  if (f.threadOf) {
    w.push(`c.id IN (${DESCENDANTS})`);
    params.push(f.threadOf);
  }
  const m = moderationWhere(f);
  w.push(...m.where);
  params.push(...m.params);
  return { sql: w.join(' AND '), params, fts, empty };
}

interface ListRow extends CommentRow {
  rowid: number;
  depth: number;
  post_title: string;
  reply_count: number;
  reply_status: 'draft' | 'ready' | null;
}

const EXTRAS = `p.title AS post_title,
  (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND r.deleted_at IS NULL) AS reply_count,
  (SELECT d.status FROM reply_drafts d WHERE d.comment_id = c.id AND d.deleted_at IS NULL ORDER BY d.created_at DESC LIMIT 1) AS reply_status`;

/**
 * Thread order: every comment after its parent, siblings by date. Roots are comments without a
 * live parent (orphans included). The path key sorts a whole post's tree in one ORDER BY.
 */
function threadSql(where: Where, rootId: string | undefined, postId: string | undefined): { sql: string; params: unknown[] } {
  const rootWhere = rootId
    ? 'id = ?'
    : `deleted_at IS NULL ${postId ? 'AND post_id = ?' : ''} AND (parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM comments q WHERE q.id = comments.parent_id AND q.deleted_at IS NULL))`;
  const rootParams = rootId ? [rootId] : postId ? [postId] : [];
  const sql = `WITH RECURSIVE tree(id, depth, path) AS (
      SELECT id, 0, post_id || '/' || coalesce(posted_at, '') || id FROM comments WHERE ${rootWhere}
      UNION ALL
      SELECT k.id, tree.depth + 1, tree.path || '/' || coalesce(k.posted_at, '') || k.id
        FROM comments k JOIN tree ON k.parent_id = tree.id WHERE k.deleted_at IS NULL AND tree.depth < 1000)
    SELECT c.rowid, tree.depth FROM tree JOIN comments c ON c.id = tree.id
    WHERE ${where.sql} ORDER BY tree.path LIMIT ? OFFSET ?`;
  return { sql, params: [...rootParams, ...where.params] };
}

export interface ListCommentsOptions {
  filter?: CommentFilter;
  order?: CommentOrder;
  offset?: number;
  limit?: number;
  /** false: skip the total and the counts (a further page of a list whose totals are known). */
  totals?: boolean;
  /**
   * false: when the total can be had without them (a search, perhaps within statuses), leave
   * the per-status counts out (null) so the rows come sooner; the caller asks statusCounts next.
   */
  counts?: boolean;
}

export function listComments(db: DB, o: ListCommentsOptions = {}): { items: CommentListItem[]; total: number | null; offset: number; counts: StatusCounts | null } {
  const filter = prepareModerationFilter(db, o.filter ?? {});
  const offset = o.offset ?? 0;
  const limit = o.limit ?? 100;
  const lookup = narrowSearch(db, filter);
  const where = filterWhere(filter, true, lookup);
  if (where.empty) return { items: [], total: 0, offset, counts: { approved: 0, pending: 0, spam: 0, trash: 0, all: 0 } };
  let counts: StatusCounts | null = null;
  let total: number | null = null;
  if (o.totals !== false) {
    if (o.counts === false && where.fts && searchAlone(filter)) total = searchTotal(db, where.fts, filter.status);
    else {
      const c = statusCounts(db, filter, lookup);
      counts = c;
      total = filter.status?.length ? filter.status.reduce((n, st) => n + c[st], 0) : c.all;
    }
  }
  // Step one picks the window's rowids from indexes; step two reads those rows with their extras,
  // so per-row sub-selects never run for rows outside the window.
  let window: { rowid: number; depth: number }[];
  if (o.order === 'thread') {
    if (!filter.postId && !filter.threadOf) throw new AppError('BAD_INPUT', 'filter.postId: thread order needs a post (or threadOf); use newest or oldest across posts.');
    const t = threadSql(where, filter.threadOf, filter.postId);
    window = db.prepare(t.sql).all(...t.params, limit, offset) as { rowid: number; depth: number }[];
  } else if (o.order === 'score') {
    window = scoreWindow(db, where, limit, offset);
  } else {
    const dir = o.order === 'oldest' ? 'ASC' : 'DESC';
    window = db
      .prepare(`SELECT c.rowid, 0 AS depth FROM comments c WHERE ${where.sql} ORDER BY c.posted_at ${dir}, c.id ${dir} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as { rowid: number; depth: number }[];
  }
  const byRowid = new Map(
    (
      db
        .prepare(`SELECT c.rowid, c.*, ${EXTRAS} FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.rowid IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(window.map((w) => w.rowid))) as ListRow[]
    ).map((r) => [r.rowid, r]),
  );
  const rows = window.map((w) => ({ ...byRowid.get(w.rowid)!, depth: w.depth }));
  const notes = annotationsOfComments(db, rows.map((r) => r.id));
  const moderation = moderationOfComments(db, rows);
  const words = where.fts ? searchWords(filter.search ?? '') : [];
  const items = rows.map((r): CommentListItem => {
    return {
      ...toComment(r),
      depth: r.depth,
      replyCount: r.reply_count,
      postTitle: r.post_title,
      annotations: notes.get(r.id) ?? [],
      replyDraft: r.reply_status,
      matches: matchRanges(r.body_text, words),
      authorMatches: matchRanges(r.author_name, words),
      moderation: moderation.get(r.id),
    };
  });
  return { items, total, offset, counts };
}

/**
 * A window of the list in spam-score order (highest score first, comments without a score last,
 * newest first among equals), in two steps that each walk an index and stop at the window's end: the scored comments
 * from the score index, then, when the window reaches past them, the unscored ones from a date
 * index. Sorting every comment by a per-row sub-select read all 100,000 rows (0.2 s of CPU).
 */
function scoreWindow(db: DB, where: Where, limit: number, offset: number): { rowid: number; depth: number }[] {
  const end = offset + limit;
  const scored = db
    .prepare(
      `SELECT c.rowid FROM comment_scores sc CROSS JOIN comments c ON c.rowid = sc.comment_rowid WHERE ${where.sql}
       ORDER BY sc.score DESC, c.posted_at DESC, c.id DESC LIMIT ?`,
    )
    .pluck()
    .all(...where.params, end) as number[];
  const rowids = scored.slice(offset);
  // Fewer scored than the window's end: that is all of them, and the unscored follow.
  if (scored.length < end) {
    const rest = db
      .prepare(
        `SELECT c.rowid FROM comments c WHERE ${where.sql} AND NOT EXISTS (SELECT 1 FROM comment_scores sc WHERE sc.comment_rowid = c.rowid)
         ORDER BY c.posted_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...where.params, limit - rowids.length, Math.max(0, offset - scored.length)) as number[];
    rowids.push(...rest);
  }
  return rowids.map((rowid) => ({ rowid, depth: 0 }));
}

/** Filter fields the per-status counts ignore (they count every status). */
const COUNTS_IGNORE = new Set<keyof CommentFilter>(['status']);

/** A search and nothing else that narrows: its counts come from the search index and the state table alone. */
function searchAlone(f: CommentFilter): boolean {
  return Object.entries(f).every(([key, value]) => key === 'search' || COUNTS_IGNORE.has(key as keyof CommentFilter) || value === undefined);
}

/**
 * How many comments a search matches, within the given statuses if any, without counting each
 * status: the search index's own count less the soft-deleted comments among its matches (an
 * index of those, usually empty), or its matches joined with the states asked for.
 */
function searchTotal(db: DB, fts: string, statuses: CommentStatus[] | undefined): number {
  if (statuses?.length) {
    const sql = `SELECT count(*) FROM comments_fts f JOIN comment_states s ON s.comment_rowid = f.rowid
                 WHERE comments_fts MATCH ? AND s.state IN (${statuses.map(() => '?').join(',')})`;
    return db.prepare(sql).pluck().get(fts, ...statuses) as number;
  }
  const sql = `SELECT (SELECT count(*) FROM comments_fts WHERE comments_fts MATCH @fts)
    - (SELECT count(*) FROM comment_states INDEXED BY comment_states_deleted
       WHERE state = 'deleted' AND +comment_rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @fts))`;
  return db.prepare(sql).pluck().get({ fts }) as number;
}

export function statusCounts(db: DB, given: CommentFilter, lookup = narrowSearch(db, given)): StatusCounts {
  const counts: StatusCounts = { approved: 0, pending: 0, spam: 0, trash: 0, all: 0 };
  const filter = prepareModerationFilter(db, given);
  const where = filterWhere(filter, false, lookup);
  if (where.empty) return counts;
  let sql: string;
  let params = where.params;
  if (where.fts && searchAlone(filter)) {
    // Each match's state by rowid from the narrow comment_states table, never a comment row.
    sql = `SELECT s.state AS status, count(*) AS n FROM comments_fts f JOIN comment_states s ON s.comment_rowid = f.rowid
           WHERE comments_fts MATCH ? AND s.state <> 'deleted' GROUP BY s.state`;
    params = [where.fts];
  } else if (where.sql === 'c.deleted_at IS NULL' || where.sql === 'c.deleted_at IS NULL AND c.post_id = ?') {
    // Nothing narrows but perhaps the post: the kept counts (migration 0200), not the comments.
    sql = `SELECT status, sum(live) AS n FROM post_comment_counts ${params.length ? 'WHERE post_id = ?' : ''} GROUP BY status`;
  } else if (lookup) {
    // A narrow search with other filters reads just its matches.
    sql = `SELECT c.status, count(*) AS n FROM comments c WHERE ${where.sql} GROUP BY c.status`;
  } else {
    // Ordered by the covering (status, posted_at) index so the count never reads comment rows.
    sql = `SELECT status, count(*) AS n FROM (SELECT c.status FROM comments c WHERE ${where.sql} ORDER BY c.status, c.posted_at) GROUP BY status`;
  }
  const rows = db.prepare(sql).all(...params) as { status: CommentStatus; n: number }[];
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.all += r.n;
  }
  return counts;
}

export function commentIds(db: DB, given: CommentFilter): { id: string; revision: number }[] {
  const filter = prepareModerationFilter(db, given);
  const where = filterWhere(filter, true, narrowSearch(db, filter));
  if (where.empty) return [];
  return db.prepare(`SELECT c.id, c.revision FROM comments c WHERE ${where.sql} ORDER BY c.posted_at DESC, c.id DESC`).all(...where.params) as {
    id: string;
    revision: number;
  }[];
}

/**
 * Applies statuses in one transaction after checking every comment is still at the revision the
 * caller saw; a single stale one refuses the whole batch, so two windows never overwrite silently.
 */
export function applyStatuses(db: DB, items: { id: string; revision: number; status: CommentStatus }[]): { changed: StatusChange[] } {
  return db.transaction(() => {
    const stored = new Map(
      (
        db.prepare('SELECT id, status, revision FROM comments WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(
          JSON.stringify(items.map((i) => i.id)),
        ) as { id: string; status: CommentStatus; revision: number }[]
      ).map((r) => [r.id, r]),
    );
    const missing = items.filter((i) => !stored.has(i.id));
    if (missing.length) throw new AppError('NOT_FOUND', `${missing.length} of the comments no longer exist (first: ${missing[0].id}); nothing was changed.`);
    const stale = items.filter((i) => stored.get(i.id)!.revision !== i.revision);
    if (stale.length) {
      throw new AppError(
        'CONFLICT',
        `${stale.length} of the comments were changed elsewhere since you loaded them; nothing was changed. Reload and try again.`,
        { conflicts: stale.map((i) => ({ id: i.id, revision: stored.get(i.id)!.revision })) },
      );
    }
    const now = nowIso();
    const changed: StatusChange[] = [];
    const byStatus = new Map<CommentStatus, string[]>();
    for (const i of items) {
      const before = stored.get(i.id)!;
      if (before.status === i.status) continue;
      (byStatus.get(i.status) ?? byStatus.set(i.status, []).get(i.status)!).push(i.id);
      changed.push({ id: i.id, previousStatus: before.status, status: i.status, revision: before.revision + 1 });
    }
    const update = db.prepare('UPDATE comments SET status = ?, revision = revision + 1, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))');
    for (const s of COMMENT_STATUSES) {
      const ids = byStatus.get(s);
      if (ids) update.run(s, now, JSON.stringify(ids));
    }
    return { changed };
  })();
}

export function setStatus(db: DB, items: { id: string; revision: number }[], status: CommentStatus): { changed: StatusChange[] } {
  return applyStatuses(db, items.map((i) => ({ ...i, status })));
}
