/** The worker thread that trains the spam score: opens the store itself, trains, tells its progress, reports. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection';
import { trainAndScore } from './spam-training';

const { dbPath } = workerData as { dbPath: string };
const db = openDatabase(dbPath);
try {
  const m = trainAndScore(db, undefined, (progress) => parentPort!.postMessage({ progress }));
  parentPort!.postMessage({ ok: true, modelId: m?.id ?? null });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
} finally {
  db.close();
}
