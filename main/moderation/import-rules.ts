/**
 * The import's moderation step, kept apart from the import's insert path: after the batch is
 * written (before the import commits), its new comments get their writers' keys and the rules'
 * verdicts. `decideImported` takes the batch and returns the decisions; `moderateImport` writes
 * them. One transaction with the import: a refused file leaves no verdicts behind.
 */
import type { DB } from '../../db/connection';
import type { BatchVerdict } from '../../common/moderation/batch';
import { catchUpCommenterKeys } from '../../db/repos/commenters';
import { applyRules, writeVerdicts } from '../../db/repos/rule-apply';
import { storedRules } from '../../db/repos/moderation-rules';
import { latestModel, scorePending } from '../../db/repos/spam-scores';

export interface ImportModeration {
  held: number;
  spam: number;
  approved: number;
  flagged: number;
}

/** The newest comment rowid before the import writes: rows above it are the batch. */
export function importStart(db: DB): number {
  return db.prepare('SELECT coalesce(max(rowid), 0) FROM comments').pluck().get() as number;
}

/** Verdicts for the comments inserted after `afterRowid`, given their writers' earlier comments. Writes nothing but keys. */
export function decideImported(db: DB, afterRowid: number): BatchVerdict[] {
  catchUpCommenterKeys(db);
  return applyRules(db, { afterRowid }, { dryRun: true, rules: storedRules(db) }).verdicts;
}

/**
 * Scores the batch's pending comments with the model in use and keys their writers (with the rules off too: readers never write keys, see
 * db/repos/commenters.ts), then decides and records the batch's verdicts; `dryRun` (an import
 * preview) only counts them. Null when the rules are off or the batch held no undecided comment
 * (every status came decided with the file).
 */
export function moderateImport(db: DB, afterRowid: number, o: { dryRun?: boolean; rules?: boolean } = {}): ImportModeration | null {
  const dryRun = o.dryRun ?? false;
  // The batch's pending comments get the score of the model in use, before the rules read it
  // (a "spam above" rule decides on it); the next training rescores everything.
  const model = latestModel(db);
  if (model) scorePending(db, model, afterRowid);
  if (o.rules === false) {
    catchUpCommenterKeys(db);
    return null;
  }
  const verdicts = decideImported(db, afterRowid);
  if (!verdicts.length) return null;
  if (!dryRun) writeVerdicts(db, verdicts);
  const out: ImportModeration = { held: 0, spam: 0, approved: 0, flagged: 0 };
  for (const v of verdicts) {
    const decisive = v.hits.find((h) => h.decisive);
    if (decisive?.action === 'hold' || decisive?.action === 'flag') out.held++;
    if (v.status === 'spam') out.spam++;
    if (v.status === 'approved') out.approved++;
    if (v.flags.length) out.flagged++;
  }
  return out;
}
