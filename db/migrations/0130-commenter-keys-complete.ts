/**
 * Every comment keyed by its writer. Before this version an import with the rules off left its
 * comments without a commenter key, and readers (the history beside a comment, a rules dry run,
 * the commenter filter) wrote the missing keys as they read, taking the write lock behind a
 * training or an import. From now on writers key what they insert and readers never write; this
 * step keys what the older imports left, once.
 */
import type Database from 'better-sqlite3';
import { commenterIdentity } from '../../common/moderation/commenter';

export const version = 130;
export const name = 'commenter-keys-complete';

export function up(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO commenter_keys (comment_rowid, author_key) VALUES (?, ?)');
  const rows = db.prepare(
    `SELECT rowid, author_name AS name, author_email AS email, author_url AS url FROM comments
     WHERE rowid NOT IN (SELECT comment_rowid FROM commenter_keys) ORDER BY rowid`,
  );
  // Collected before inserting: a statement's rows may not be iterated while the same connection writes.
  const missing = rows.all() as { rowid: number; name: string; email: string; url: string }[];
  for (const r of missing) insert.run(r.rowid, commenterIdentity(r).key);
}
