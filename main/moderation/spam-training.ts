/**
 * One training of the spam score, start to finish, on its own connection: measure the model by
 * 5-fold cross-validation on a sample of the decisions (for the suggested threshold and its
 * precision and recall), train on all of them (streamed from the store, never all in memory),
 * store it, score the pending comments. Runs in a worker thread (spam-worker.ts) so the pane never
 * waits for it, telling it what it does as it goes; tests call it directly.
 */
import type { DB } from '../../db/connection';
import { crossValidate, precisionRecall, suggestThreshold, trainSpamModel } from '../../common/moderation/spam-model';
import { decisionClasses, sampleDecisions, saveModel, scorePending, streamDecisions, type StoredModel } from '../../db/repos/spam-scores';

export const TRAINING_SEED = 20240301;
/** Cross-validation past this many decisions measures every n-th one (training uses them all). */
const MEASURE_MAX = 10_000;
const FOLDS = 5;

const count = (n: number) => n.toLocaleString('en-GB');

export function trainAndScore(db: DB, seed = TRAINING_SEED, onProgress: (what: string) => void = () => {}): StoredModel | null {
  const classes = decisionClasses(db);
  if (classes.spam < 5 || classes.ham < 5) return null;
  const total = classes.spam + classes.ham;
  onProgress(`reading a sample of ${count(total)} decisions`);
  const measured = sampleDecisions(db, Math.ceil(total / MEASURE_MAX));
  const cv = crossValidate(measured, FOLDS, seed, {}, (fold) => onProgress(`measuring on ${count(measured.length)} decisions: fold ${fold + 1} of ${FOLDS}`));
  const threshold = suggestThreshold(cv);
  const pr = precisionRecall(cv, threshold);
  const model = trainSpamModel(streamDecisions(db), { seed, onPass: (pass) => onProgress(`learning from ${count(total)} decisions: pass ${pass} of 2`) });
  onProgress('scoring the pending comments');
  const stored = saveModel(db, { decisions: total, threshold, model, metrics: { ...pr, folds: FOLDS } });
  scorePending(db, stored, 0, true);
  return stored;
}
