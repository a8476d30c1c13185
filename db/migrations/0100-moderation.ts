/**
 * Moderation with context: the team's rules, what they decided on each comment and why, and who
 * wrote each comment as a key that finds the same person across posts and imports.
 *
 * - moderation_rules: the rules, synced with the workspace like any row (UUID, soft delete).
 * - comment_verdicts: who set a comment's status last, a person or a rule. A trigger marks any
 *   status change as a person's; the rules mark their own changes after making them. Rules only
 *   ever change comments no person decided.
 * - comment_rule_hits: every rule that fired on a comment, in order, with the reason shown.
 * - commenter_keys: derived (rebuilt from comments anywhere, not synced), keyed by rowid like
 *   comment_states, so catching up with rows inserted since is one range read.
 */
import type Database from 'better-sqlite3';
import { commenterIdentity } from '../../common/moderation/commenter';
import { uuidv7 } from '../../common/ids';

export const version = 100;
export const name = 'moderation';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE moderation_rules (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('links','banned','suspect','blocked','trusted','first','score')),
  params TEXT NOT NULL DEFAULT '{}',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  revision INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE comment_verdicts (
  comment_id TEXT PRIMARY KEY NOT NULL REFERENCES comments(id),
  decided_by TEXT CHECK (decided_by IN ('person','rule')),
  applied_at TEXT
) WITHOUT ROWID;
CREATE TABLE comment_rule_hits (
  comment_id TEXT NOT NULL REFERENCES comments(id),
  position INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('spam','hold','flag','approve')),
  reason TEXT NOT NULL,
  decisive INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (comment_id, position)
) WITHOUT ROWID;
CREATE INDEX comment_rule_hits_kind ON comment_rule_hits(kind, comment_id);
CREATE TABLE commenter_keys (
  comment_rowid INTEGER PRIMARY KEY,
  author_key TEXT NOT NULL
);
CREATE INDEX commenter_keys_key ON commenter_keys(author_key);
CREATE TRIGGER comment_verdicts_person AFTER UPDATE OF status ON comments WHEN old.status IS NOT new.status BEGIN
  INSERT INTO comment_verdicts (comment_id, decided_by) VALUES (new.id, 'person')
    ON CONFLICT (comment_id) DO UPDATE SET decided_by = 'person';
END;
CREATE TRIGGER commenter_keys_ad AFTER DELETE ON comments BEGIN
  DELETE FROM commenter_keys WHERE comment_rowid = old.rowid;
END;
`);
  const insert = db.prepare('INSERT INTO commenter_keys (comment_rowid, author_key) VALUES (?, ?)');
  const rows = db.prepare('SELECT rowid, author_name AS name, author_email AS email, author_url AS url FROM comments ORDER BY rowid').all() as {
    rowid: number;
    name: string;
    email: string;
    url: string;
  }[];
  for (const r of rows) insert.run(r.rowid, commenterIdentity(r).key);
  // The rules a store starts with, as WordPress's Discussion settings: hold a comment with more
  // than two links, hold a first comment, approve a writer with three approved and no spam.
  const now = new Date().toISOString();
  const rule = db.prepare('INSERT INTO moderation_rules (id, created_at, updated_at, kind, params) VALUES (?, ?, ?, ?, ?)');
  rule.run(uuidv7(), now, now, 'links', '{"max":2}');
  rule.run(uuidv7(), now, now, 'first', '{}');
  rule.run(uuidv7(), now, now, 'trusted', '{"emails":[],"names":[],"minApproved":3}');
}
