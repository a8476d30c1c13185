/**
 * Commenters: the key of each comment's writer (commenter_keys, derived), their history beside a
 * comment, and every comment they wrote. Keys are computed in JS by common/moderation/commenter
 * (one definition for every side). Writers key what they insert: an import keys its rows before it
 * commits, migration 0130 keyed what older imports left unkeyed, and "apply rules" catches up
 * first. Readers never write (a read that takes the write lock waits behind a training or an
 * import): rows stored since the newest keyed one, if any (a test's or a tool's direct insert),
 * are keyed in memory by `unkeyedComments`.
 */
import type { DB } from '../connection';
import type { CommentStatus } from '../../common/domain';
import { commenterIdentity, type MatchBasis } from '../../common/moderation/commenter';

interface AuthorRow {
  rowid: number;
  name: string;
  email: string;
  url: string;
}

const newestKeyed = (db: DB) => db.prepare('SELECT coalesce(max(comment_rowid), 0) FROM commenter_keys').pluck().get() as number;
const AUTHOR_COLUMNS = 'rowid, author_name AS name, author_email AS email, author_url AS url';

/** Adds the keys of comments inserted since the newest keyed one; returns how many. A write: for writers only. */
export function catchUpCommenterKeys(db: DB): number {
  const insert = db.prepare('INSERT OR REPLACE INTO commenter_keys (comment_rowid, author_key) VALUES (?, ?)');
  // A page at a time (a statement's rows cannot be iterated while the connection writes): an
  // import of 100,000 comments never holds all their authors at once.
  const page = db.prepare(`SELECT ${AUTHOR_COLUMNS} FROM comments WHERE rowid > ? ORDER BY rowid LIMIT 5000`);
  let n = 0;
  db.transaction(() => {
    for (let last = newestKeyed(db); ; ) {
      const rows = page.all(last) as AuthorRow[];
      if (!rows.length) break;
      for (const r of rows) insert.run(r.rowid, commenterIdentity(r).key);
      n += rows.length;
      last = rows[rows.length - 1].rowid;
    }
  })();
  return n;
}

export interface UnkeyedComment {
  rowid: number;
  key: string;
  status: CommentStatus;
  posted_at: string | null;
  deleted: boolean;
}

/** Comments stored since the newest keyed one, keyed in memory (nothing written). Usually none. */
export function unkeyedComments(db: DB): UnkeyedComment[] {
  return (
    db.prepare(`SELECT ${AUTHOR_COLUMNS}, status, posted_at, deleted_at FROM comments WHERE rowid > ? ORDER BY rowid`).all(newestKeyed(db)) as (AuthorRow & {
      status: CommentStatus;
      posted_at: string | null;
      deleted_at: string | null;
    })[]
  ).map((r) => ({ rowid: r.rowid, key: commenterIdentity(r).key, status: r.status, posted_at: r.posted_at, deleted: r.deleted_at !== null }));
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
  const c = db
    .prepare(
      `SELECT c.rowid, c.posted_at, c.author_name, c.author_email, c.author_url, k.author_key
       FROM comments c LEFT JOIN commenter_keys k ON k.comment_rowid = c.rowid WHERE c.id = ? AND c.deleted_at IS NULL`,
    )
    .get(commentId) as { rowid: number; posted_at: string | null; author_name: string; author_email: string; author_url: string; author_key: string | null } | undefined;
  if (!c) return null;
  const identity = commenterIdentity({ name: c.author_name, email: c.author_email, url: c.author_url });
  const key = c.author_key ?? identity.key;
  const rows = db
    .prepare(
      `SELECT o.status, o.posted_at, o.rowid FROM commenter_keys k JOIN comments o ON o.rowid = k.comment_rowid
       WHERE k.author_key = ? AND o.deleted_at IS NULL`,
    )
    .all(key) as { status: CommentStatus; posted_at: string | null; rowid: number }[];
  for (const u of unkeyedComments(db)) if (u.key === key && !u.deleted) rows.push(u);
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
  return { key, basis: identity.basis, name: c.author_name, earlier, since, all: rows.length };
}
