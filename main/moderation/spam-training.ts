/**
 * One training of the spam score, start to finish, on its own connection: read every decision
 * once and cut it into features (kept as numbers, not text), measure the model by 5-fold
 * cross-validation on all of them (for the suggested threshold and its precision and recall),
 * train on all of them, store it, score the pending comments. Runs in a worker thread
 * (spam-worker.ts) so the pane never waits for it, telling it what it does as it goes; tests call
 * it directly.
 */
import type { DB } from '../../db/connection';
import { crossValidateIndex, indexDecisions, precisionRecall, suggestThreshold, trainOnIndex } from '../../common/moderation/spam-model';
import { saveModel, scorePending, streamDecisions, type StoredModel } from '../../db/repos/spam-scores';

export const TRAINING_SEED = 20240301;
const FOLDS = 5;
/** The threshold kept when no score reaches the target precision in cross-validation. */
export const DEFAULT_THRESHOLD = 0.99;

const count = (n: number) => n.toLocaleString('en-GB');

export function trainAndScore(db: DB, seed = TRAINING_SEED, onProgress: (what: string) => void = () => {}): StoredModel | null {
  const learned = learn(db, seed, onProgress);
  if (!learned) return null;
  // The tokenised decisions (tens of megabytes of feature ids) were learn()'s alone: gone by now,
  // so the rescore below never holds them and the pending comments' texts at once.
  onProgress('scoring the pending comments');
  const stored = saveModel(db, learned);
  scorePending(db, stored, 0, true);
  return stored;
}

/** The decisions read, measured and learned from; null when either class has under 5. */
function learn(db: DB, seed: number, onProgress: (what: string) => void): Omit<StoredModel, 'id' | 'createdAt'> | null {
  onProgress('reading the decisions');
  const index = indexDecisions(streamDecisions(db)());
  if (index.classes.spam < 5 || index.classes.ham < 5) return null;
  const cv = crossValidateIndex(index, FOLDS, seed, {}, (fold) => onProgress(`measuring on ${count(index.rows)} decisions: fold ${fold + 1} of ${FOLDS}`));
  // Without a threshold that reaches the target precision, the cautious default stands, and the
  // metrics say none was found rather than a vacuous "precision 1" at a threshold nothing reaches.
  const suggested = suggestThreshold(cv);
  const threshold = suggested ?? DEFAULT_THRESHOLD;
  const pr = precisionRecall(cv, threshold);
  onProgress(`learning from ${count(index.rows)} decisions`);
  const model = trainOnIndex(index);
  return { decisions: index.rows, threshold, model, metrics: { ...pr, folds: FOLDS, suggested: suggested !== null } };
}
