/**
 * Retraining in the background: one worker thread at a time per store, started on request or
 * when the decisions have grown by a tenth (at least 20) since the model in use. The pane asks
 * spam.status; the answer never waits for a training.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import type { Ctx } from '../context';
import type { SpamStatus } from '../../common/api/moderation';
import { countDecisions, countScored, latestModel } from '../../db/repos/spam-scores';

interface TrainerState {
  running: Promise<void> | null;
  /** What the running training said it does last. */
  progress: string | null;
  lastError: string | null;
}

const states = new Map<string, TrainerState>();
const stateOf = (dbPath: string) => states.get(dbPath) ?? states.set(dbPath, { running: null, progress: null, lastError: null }).get(dbPath)!;

/** The worker's file: the bundled one beside the built main, else the source through tsx. */
function workerFile(): { file: URL; execArgv: string[] } {
  const built = new URL('./spam-worker.cjs', import.meta.url);
  if (!import.meta.url.endsWith('.ts') && fs.existsSync(fileURLToPath(built))) return { file: built, execArgv: [] };
  return { file: new URL('./spam-worker-dev.mjs', import.meta.url), execArgv: [] };
}

/**
 * The training worker's heap, bounded so that its memory does not depend on when the collector
 * happens to run: a small young generation (each decision's text and words are garbage a moment
 * after they are read, and a scavenge of a few megabytes frees them), and an old generation with
 * room for what a training keeps (the vocabulary, the model, the scores), a few times over. The
 * tokenised decisions are typed arrays, outside both (about 80 MB at 86,000 decisions).
 */
export const TRAINING_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 160 };

/** Starts a training unless one runs; resolves when it ends. */
export function startTraining(ctx: Pick<Ctx, 'dbPath'>): Promise<void> {
  const st = stateOf(ctx.dbPath);
  if (st.running) return st.running;
  const { file, execArgv } = workerFile();
  st.running = new Promise<void>((resolve) => {
    st.progress = 'starting';
    st.lastError = null;
    const w = new Worker(file, { workerData: { dbPath: ctx.dbPath }, execArgv, resourceLimits: TRAINING_LIMITS });
    w.on('message', (m: { progress?: string; ok?: boolean; error?: string }) => {
      if (m.progress !== undefined) st.progress = m.progress;
      else st.lastError = m.ok ? null : (m.error ?? 'training failed');
    });
    w.once('error', (e) => (st.lastError = e.message));
    w.once('exit', (code) => {
      if (code !== 0 && !st.lastError) st.lastError = `the training stopped (exit code ${code})`;
      st.running = null;
      st.progress = null;
      resolve();
    });
  });
  return st.running;
}

function due(decisions: number, modelDecisions: number | null): boolean {
  if (decisions < 10) return false;
  if (modelDecisions === null) return true;
  return decisions - modelDecisions >= Math.max(20, modelDecisions / 10);
}

export function spamStatus(ctx: Ctx, autoTrain = true): SpamStatus {
  const model = latestModel(ctx.db);
  const decisions = countDecisions(ctx.db);
  const st = stateOf(ctx.dbPath);
  if (autoTrain && !st.running && !st.lastError && due(decisions, model?.decisions ?? null)) void startTraining(ctx);
  return {
    model: model && { id: model.id, createdAt: model.createdAt, decisions: model.decisions, threshold: model.threshold, metrics: model.metrics },
    decisions,
    training: st.running !== null,
    progress: st.running ? st.progress : null,
    scored: countScored(ctx.db),
    lastError: st.lastError,
  };
}
