/**
 * The review list's view of moderation: filters on commenter, rule and spam score, the score
 * order, and each listed comment's rule reasons and score (read for the window's rows only).
 */
import type { DB } from '../connection';
import type { CommentFilter } from '../../common/api/comments';
import type { CommentHit, CommentModeration } from '../../common/api/comment-moderation';
import { unkeyedComments } from './commenters';

/** A filter read for the moderation conditions: with a commenter, the comments of theirs not keyed yet (see commenters.ts). */
export type ModerationFilter = CommentFilter & { unkeyedOfCommenter?: number[] };

export function moderationWhere(f: ModerationFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.commenter) {
    where.push('(c.rowid IN (SELECT comment_rowid FROM commenter_keys WHERE author_key = ?) OR c.rowid IN (SELECT value FROM json_each(?)))');
    params.push(f.commenter, JSON.stringify(f.unkeyedOfCommenter ?? []));
  }
  if (f.rule === 'any') where.push('c.id IN (SELECT comment_id FROM comment_rule_hits)');
  else if (f.rule) (where.push('c.id IN (SELECT comment_id FROM comment_rule_hits WHERE kind = ?)'), params.push(f.rule));
  if (f.minScore !== undefined) (where.push('c.rowid IN (SELECT comment_rowid FROM comment_scores WHERE score >= ?)'), params.push(f.minScore));
  return { where, params };
}


/** A commenter filter also finds the writer's comments not keyed yet, read (never written) before a list or count runs. */
export function prepareModerationFilter(db: DB, f: CommentFilter): ModerationFilter {
  if (!f.commenter) return f;
  return { ...f, unkeyedOfCommenter: unkeyedComments(db).filter((u) => u.key === f.commenter).map((u) => u.rowid) };
}

export function moderationOfComments(db: DB, rows: { id: string; rowid: number }[]): Map<string, CommentModeration> {
  const out = new Map<string, CommentModeration>();
  if (!rows.length) return out;
  const ids = JSON.stringify(rows.map((r) => r.id));
  const hits = db
    .prepare(
      `SELECT h.comment_id, h.kind, h.action, h.reason, h.decisive FROM comment_rule_hits h
       WHERE h.comment_id IN (SELECT value FROM json_each(?)) ORDER BY h.comment_id, h.position`,
    )
    .all(ids) as { comment_id: string; kind: CommentHit['kind']; action: CommentHit['action']; reason: string; decisive: number }[];
  const decided = new Map(
    (db.prepare('SELECT comment_id, decided_by FROM comment_verdicts WHERE comment_id IN (SELECT value FROM json_each(?))').all(ids) as {
      comment_id: string;
      decided_by: 'person' | 'rule' | null;
    }[]).map((r) => [r.comment_id, r.decided_by]),
  );
  const scores = new Map(
    (db.prepare('SELECT comment_rowid, score, words FROM comment_scores WHERE comment_rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rows.map((r) => r.rowid))) as {
      comment_rowid: number;
      score: number;
      words: string;
    }[]).map((r) => [r.comment_rowid, r]),
  );
  const get = (id: string, rowid: number): CommentModeration => {
    let m = out.get(id);
    if (!m) {
      const s = scores.get(rowid);
      m = { hits: [], decidedBy: decided.get(id) ?? null, score: s?.score ?? null, scoreWords: s ? (JSON.parse(s.words) as CommentModeration['scoreWords']) : [] };
      out.set(id, m);
    }
    return m;
  };
  const rowidOf = new Map(rows.map((r) => [r.id, r.rowid]));
  for (const h of hits) get(h.comment_id, rowidOf.get(h.comment_id)!).hits.push({ kind: h.kind, action: h.action, reason: h.reason, decisive: h.decisive === 1 });
  for (const r of rows) if (decided.has(r.id) || scores.has(r.rowid)) get(r.id, r.rowid);
  return out;
}
