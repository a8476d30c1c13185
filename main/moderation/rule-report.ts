/** A rules run (applied or dry) as the report the window and the CLI show. */
import type { DB } from '../../db/connection';
import type { RuleRunExample, RuleRunReport } from '../../common/api/moderation';
import type { StatusChange } from '../../common/api/comments';
import type { BatchVerdict } from '../../common/moderation/batch';

const EXAMPLES = 50;

export function ruleReport(db: DB, verdicts: BatchVerdict[], changed: StatusChange[], dryRun: boolean): RuleRunReport {
  const toStatus = { approved: 0, pending: 0, spam: 0, trash: 0 };
  const fired: Record<string, number> = {};
  const changes: BatchVerdict[] = [];
  for (const v of verdicts) {
    for (const kind of new Set(v.hits.map((h) => h.kind))) fired[kind] = (fired[kind] ?? 0) + 1;
    if (v.status && v.status !== v.before) {
      toStatus[v.status]++;
      if (changes.length < EXAMPLES) changes.push(v);
    }
  }
  const rows = new Map(
    (
      db
        .prepare(
          `SELECT c.id, c.author_name, substr(c.body_text, 1, 160) AS excerpt, p.title FROM comments c JOIN posts p ON p.id = c.post_id
           WHERE c.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(changes.map((v) => v.id))) as { id: string; author_name: string; excerpt: string; title: string }[]
    ).map((r) => [r.id, r]),
  );
  const examples: RuleRunExample[] = changes.map((v) => ({
    id: v.id,
    author: rows.get(v.id)?.author_name ?? '',
    postTitle: rows.get(v.id)?.title ?? '',
    excerpt: rows.get(v.id)?.excerpt ?? '',
    from: v.before,
    to: v.status!,
    reasons: v.hits.map((h) => h.reason),
  }));
  return { evaluated: verdicts.length, toStatus, fired, examples, changed, dryRun };
}
