/**
 * The moderation bench's runs that need a process of their own, so their peak memory (maxRSS) is
 * their own and not the bench's:
 *   node --import tsx bench/lib/moderation-child.ts train <db> [spam-worker.cjs]
 *     one training as the app runs it: the spam worker in a worker thread with the app's heap
 *     limits (cross-validation, training on every decision, scoring the pending comments), timed,
 *     with its CPU time;
 *   node --import tsx bench/lib/moderation-child.ts import <wxr> <db> rules|no-rules
 *     the importer on an empty store, with the bench's rules on, or with the rules off.
 * Prints `BENCH_RESULT {...}` as its last line.
 */
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { addBenchRules } from './bench-rules';

const [mode, ...args] = process.argv.slice(2);

/** Runs `work` timed (wall and CPU, from after the modules are loaded) and prints the result. */
function report(work: () => unknown | Promise<unknown>): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  return Promise.resolve(work()).then((detail) => {
    const cpu = process.cpuUsage(cpu0);
    const ms = performance.now() - t;
    process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ mode, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, detail })}\n`);
  });
}

if (mode === 'train') {
  // The app's training as the app runs it: the spam worker (the bundle's spam-worker.cjs when
  // given, else its source) in a worker thread with the app's heap limits.
  const [dbPath, workerFile] = args;
  const { TRAINING_LIMITS } = await import('../../main/moderation/spam-trainer');
  const { latestModel } = await import('../../db/repos/spam-scores');
  const { Worker } = await import('node:worker_threads');
  const file = workerFile ?? new URL('../../main/moderation/spam-worker-dev.mjs', import.meta.url);
  const t = performance.now();
  await report(async () => {
    const phases: { what: string; at: number }[] = [];
    let error: string | null = null;
    await new Promise<void>((resolve, reject) => {
      const w = new Worker(file, { workerData: { dbPath }, resourceLimits: TRAINING_LIMITS });
      w.on('message', (m: { progress?: string; ok?: boolean; error?: string }) => {
        if (m.progress !== undefined) phases.push({ what: m.progress, at: Math.round(performance.now() - t) });
        else if (!m.ok) error = m.error ?? 'training failed';
      });
      w.once('error', reject);
      w.once('exit', (code) => (code === 0 && !error ? resolve() : reject(new Error(error ?? `the training worker exited with ${code}`))));
    });
    const db = openDatabase(dbPath);
    const m = latestModel(db);
    db.close();
    return { decisions: m?.decisions, threshold: m?.threshold, metrics: m?.metrics, phases, worker: path.basename(String(file)), limits: TRAINING_LIMITS };
  });
} else if (mode === 'import') {
  const [wxr, dbPath, rules] = args;
  const db = openDatabase(dbPath);
  if (rules === 'rules') addBenchRules(db);
  db.close();
  const { runImport } = await import('../../main/importers/pipeline');
  await report(async () => (await runImport({ filePath: wxr }, { openDb: () => openDatabase(dbPath), rules: rules === 'rules' })).moderation ?? null);
}
