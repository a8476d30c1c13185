/**
 * Commenters: the key of each comment's writer (commenter_keys, derived), their history beside a
 * comment, and every comment they wrote. Keys are computed in JS by common/moderation/commenter
 * (one definition for every side) and caught up for rows inserted since the last catch-up: every
 * insert path (importers, seeds, tests) is covered without a trigger per row.
 */
import type { DB } from '../connection';
import type { CommentStatus } from '../../common/domain';
import { commenterIdentity, type MatchBasis } from '../../common/moderation/commenter';

/** Adds the keys of comments inserted since the newest keyed one; returns how many. */
export function catchUpCommenterKeys(db: DB): number {
  const last = db.prepare('SELECT coalesce(max(comment_rowid), 0) FROM commenter_keys').pluck().get() as number;
  const newest = db.prepare('SELECT coalesce(max(rowid), 0) FROM comments').pluck().get() as number;
  if (newest <= last) return 0;
  const rows = db.prepare('SELECT rowid, author_name AS name, author_email AS email, author_url AS url FROM comments WHERE rowid > ? ORDER BY rowid').all(last) as {
    rowid: number;
    name: string;
    email: string;
    url: string;
  }[];
  const insert = db.prepare('INSERT OR REPLACE INTO commenter_keys (comment_rowid, author_key) VALUES (?, ?)');
  db.transaction(() => {
    for (const r of rows) insert.run(r.rowid, commenterIdentity(r).key);
  })();
  return rows.length;
}

export interface CommenterHistory {
  key: string;
  basis: MatchBasis;
  name: string;
  /** Comments by the same writer posted before this one, by status. */
  earlier: Record<CommentStatus, number> & { total: number };
  /** The date of the first of them. */
  since: string | null;
  /** Every comment of theirs, this one included. */
  all: number;
}

export function commenterHistory(db: DB, commentId: string): CommenterHistory | null {
  catchUpCommenterKeys(db);
  const c = db
    .prepare(
      `SELECT c.rowid, c.posted_at, c.author_name, c.author_email, c.author_url, k.author_key
       FROM comments c JOIN commenter_keys k ON k.comment_rowid = c.rowid WHERE c.id = ? AND c.deleted_at IS NULL`,
    )
    .get(commentId) as { rowid: number; posted_at: string | null; author_name: string; author_email: string; author_url: string; author_key: string } | undefined;
  if (!c) return null;
  const rows = db
    .prepare(
      `SELECT o.status, o.posted_at, o.rowid FROM commenter_keys k JOIN comments o ON o.rowid = k.comment_rowid
       WHERE k.author_key = ? AND o.deleted_at IS NULL`,
    )
    .all(c.author_key) as { status: CommentStatus; posted_at: string | null; rowid: number }[];
  const earlier = { approved: 0, pending: 0, spam: 0, trash: 0, total: 0 };
  let since: string | null = null;
  const at = c.posted_at ?? '';
  for (const r of rows) {
    const p = r.posted_at ?? '';
    if (r.rowid === c.rowid || p > at || (p === at && r.rowid > c.rowid)) continue;
    earlier[r.status]++;
    earlier.total++;
    if (r.posted_at && (since === null || r.posted_at < since)) since = r.posted_at;
  }
  const identity = commenterIdentity({ name: c.author_name, email: c.author_email, url: c.author_url });
  return { key: c.author_key, basis: identity.basis, name: c.author_name, earlier, since, all: rows.length };
}

/** The SQL condition for "written by this commenter", over comments c. */
export const COMMENTER_WHERE = 'c.rowid IN (SELECT comment_rowid FROM commenter_keys WHERE author_key = ?)';
