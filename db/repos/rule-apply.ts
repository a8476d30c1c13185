/**
 * Rules applied to stored comments: read the targets and their writers' other comments, let
 * common/moderation decide, and write the verdicts (statuses, reasons) in one transaction, or,
 * for a dry run, only report them. The import calls the same two steps on the rows it just
 * inserted (decideComments, then writeVerdicts).
 */
import type { DB } from '../connection';
import type { CommentStatus } from '../../common/domain';
import type { StatusChange } from '../../common/api/comments';
import { moderateBatch, type BatchComment, type BatchVerdict } from '../../common/moderation/batch';
import { compileRules, type StoredRule } from '../../common/moderation/rules';
import { nowIso } from '../clock';
import { commenterIdentity } from '../../common/moderation/commenter';
import { catchUpCommenterKeys, unkeyedComments } from './commenters';
import { storedRules } from './moderation-rules';

interface TargetRow {
  rowid: number;
  id: string;
  status: CommentStatus;
  posted_at: string | null;
  author_name: string;
  author_email: string;
  author_url: string;
  body_text: string;
  body_html: string;
  decided_by: 'person' | 'rule' | null;
  score: number | null;
  author_key: string;
}

/** Undecided comments only: pending ones no person moderated, and ones a rule decided. */
const UNDECIDED = "((c.status = 'pending' AND v.decided_by IS NULL) OR v.decided_by = 'rule')";

/**
 * Targets: undecided live comments matching `where` (SQL over c), with what the rules read. A
 * comment not keyed yet (a dry run never writes keys) is keyed here in memory.
 */
function readTargets(db: DB, where: string, params: unknown[]): TargetRow[] {
  const rows = db
    .prepare(
      `SELECT c.rowid, c.id, c.status, c.posted_at, c.author_name, c.author_email, c.author_url, c.body_text, c.body_html,
              v.decided_by, s.score, k.author_key
       FROM comments c LEFT JOIN commenter_keys k ON k.comment_rowid = c.rowid
       LEFT JOIN comment_verdicts v ON v.comment_id = c.id LEFT JOIN comment_scores s ON s.comment_rowid = c.rowid
       WHERE c.deleted_at IS NULL AND ${UNDECIDED} AND (${where})`,
    )
    .all(...params) as (Omit<TargetRow, 'author_key'> & { author_key: string | null })[];
  for (const r of rows) r.author_key ??= commenterIdentity({ name: r.author_name, email: r.author_email, url: r.author_url }).key;
  return rows as TargetRow[];
}

/** The verdicts rules give the targets, given every earlier comment of their writers. */
export function decideComments(db: DB, targets: TargetRow[], rules: readonly StoredRule[]): BatchVerdict[] {
  const compiled = compileRules(rules);
  if (!compiled.length || !targets.length) return [];
  const targetRowids = new Set(targets.map((t) => t.rowid));
  const keys = [...new Set(targets.map((t) => t.author_key))];
  const context = db
    .prepare(
      `SELECT c.rowid, c.id, c.status, c.posted_at, k.author_key FROM commenter_keys k JOIN comments c ON c.rowid = k.comment_rowid
       WHERE k.author_key IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL`,
    )
    .all(JSON.stringify(keys)) as Pick<TargetRow, 'rowid' | 'id' | 'status' | 'posted_at' | 'author_key'>[];
  const wanted = new Set(keys);
  for (const u of unkeyedComments(db)) if (!u.deleted && wanted.has(u.key)) context.push({ rowid: u.rowid, id: '', status: u.status, posted_at: u.posted_at, author_key: u.key });
  const rows: BatchComment[] = targets.map((t) => ({
    id: t.id,
    key: t.author_key,
    postedAt: t.posted_at,
    seq: t.rowid,
    target: true,
    status: t.status,
    decidedBy: t.decided_by,
    author: { name: t.author_name, email: t.author_email, url: t.author_url },
    text: t.body_text,
    html: t.body_html,
    score: t.score,
  }));
  for (const c of context) {
    if (targetRowids.has(c.rowid)) continue;
    rows.push({ id: c.id, key: c.author_key, postedAt: c.posted_at, seq: c.rowid, target: false, status: c.status, decidedBy: null, author: { name: '', email: '', url: '' }, text: '', html: '', score: null });
  }
  return moderateBatch(rows, compiled);
}

/**
 * Writes verdicts: the reasons of every target (replacing what rules said before), and the new
 * statuses, marked as a rule's decision (the status trigger marks any change a person's first).
 * Returns the status changes, for undo.
 */
export function writeVerdicts(db: DB, verdicts: BatchVerdict[]): StatusChange[] {
  if (!verdicts.length) return [];
  const now = nowIso();
  const changed: StatusChange[] = [];
  db.transaction(() => {
    const ids = JSON.stringify(verdicts.map((v) => v.id));
    db.prepare('DELETE FROM comment_rule_hits WHERE comment_id IN (SELECT value FROM json_each(?))').run(ids);
    // Every hit in one statement from a JSON array: a statement a hit cost more in calls than the rows.
    const hits: [string, number, string, string, string, string, number][] = [];
    const byStatus = new Map<CommentStatus, string[]>();
    for (const v of verdicts) {
      v.hits.forEach((h, i) => hits.push([v.id, i, h.ruleId, h.kind, h.action, h.reason, h.decisive ? 1 : 0]));
      if (v.status && v.status !== v.before) (byStatus.get(v.status) ?? byStatus.set(v.status, []).get(v.status)!).push(v.id);
    }
    if (hits.length) {
      db.prepare(
        `INSERT INTO comment_rule_hits (comment_id, position, rule_id, kind, action, reason, decisive)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)`,
      ).run(JSON.stringify(hits));
    }
    const revisions = db.prepare('SELECT id, revision FROM comments WHERE id IN (SELECT value FROM json_each(?))');
    const update = db.prepare('UPDATE comments SET status = ?, revision = revision + 1, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))');
    const mark = db.prepare(
      `INSERT INTO comment_verdicts (comment_id, decided_by, applied_at) SELECT value, 'rule', ? FROM json_each(?)
       WHERE true ON CONFLICT (comment_id) DO UPDATE SET decided_by = 'rule', applied_at = excluded.applied_at`,
    );
    const before = new Map(verdicts.map((v) => [v.id, v.before]));
    for (const [status, list] of byStatus) {
      const json = JSON.stringify(list);
      update.run(status, now, json);
      mark.run(now, json);
      for (const r of revisions.all(json) as { id: string; revision: number }[]) changed.push({ id: r.id, previousStatus: before.get(r.id)!, status, revision: r.revision });
    }
  })();
  return changed;
}

export interface ApplyScope {
  ids?: string[];
  postId?: string;
  /** Only rows inserted after this rowid (an import's new comments). */
  afterRowid?: number;
}

export function scopeWhere(s: ApplyScope): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const params: unknown[] = [];
  if (s.ids) (w.push('c.id IN (SELECT value FROM json_each(?))'), params.push(JSON.stringify(s.ids)));
  if (s.postId) (w.push('c.post_id = ?'), params.push(s.postId));
  if (s.afterRowid !== undefined) (w.push('c.rowid > ?'), params.push(s.afterRowid));
  return { sql: w.length ? w.join(' AND ') : 'true', params };
}

/** Verdicts of the given rules (default: the stored ones) over a scope, written unless dryRun. */
export function applyRules(db: DB, scope: ApplyScope, o: { dryRun?: boolean; rules?: StoredRule[] } = {}): { verdicts: BatchVerdict[]; changed: StatusChange[] } {
  // Applying writes anyway: key what is missing first. A dry run writes nothing (see readTargets).
  if (!o.dryRun) catchUpCommenterKeys(db);
  const w = scopeWhere(scope);
  const verdicts = decideComments(db, readTargets(db, w.sql, w.params), o.rules ?? storedRules(db));
  if (o.dryRun) return { verdicts, changed: [] };
  return { verdicts, changed: writeVerdicts(db, verdicts) };
}
