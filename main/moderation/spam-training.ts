/**
 * One training of the spam score, start to finish, on its own connection: read the decisions,
 * measure the model by 5-fold cross-validation (for the suggested threshold and its precision and
 * recall), train on all of them, store it, score the pending comments. Runs in a worker thread
 * (spam-worker.ts) so the pane never waits for it; tests call it directly.
 */
import type { DB } from '../../db/connection';
import { crossValidate, precisionRecall, suggestThreshold, trainSpamModel } from '../../common/moderation/spam-model';
import { readDecisions, saveModel, scorePending, type StoredModel } from '../../db/repos/spam-scores';

export const TRAINING_SEED = 20240301;
/** Cross-validation past this many decisions measures a seeded sample (training uses them all). */
const MEASURE_MAX = 20_000;

export function trainAndScore(db: DB, seed = TRAINING_SEED): StoredModel | null {
  const docs = readDecisions(db);
  if (docs.filter((d) => d.spam).length < 5 || docs.filter((d) => !d.spam).length < 5) return null;
  const measured = docs.length > MEASURE_MAX ? docs.filter((_, i) => i % Math.ceil(docs.length / MEASURE_MAX) === 0) : docs;
  const folds = 5;
  const cv = crossValidate(measured, folds, seed);
  const threshold = suggestThreshold(cv);
  const pr = precisionRecall(cv, threshold);
  const model = trainSpamModel(docs, { seed });
  const stored = saveModel(db, { decisions: docs.length, threshold, model, metrics: { ...pr, folds } });
  db.prepare('DELETE FROM comment_scores').run();
  scorePending(db, stored);
  return stored;
}
