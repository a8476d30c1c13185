/**
 * The moderation bench's runs that need a process of their own, so their peak memory (maxRSS) is
 * their own and not the bench's:
 *   node --import tsx bench/lib/moderation-child.ts train <db>
 *     one training as the spam worker runs it (trainAndScore: cross-validation, training on every
 *     decision, scoring the pending comments), timed, with its CPU time;
 *   node --import tsx bench/lib/moderation-child.ts import <wxr> <db> rules|no-rules
 *     the importer on an empty store, with the bench's rules on, or with the rules off.
 * Prints `BENCH_RESULT {...}` as its last line.
 */
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
  const { trainAndScore } = await import('../../main/moderation/spam-training');
  const db = openDatabase(args[0]);
  const t = performance.now();
  await report(() => {
    const phases: { what: string; at: number }[] = [];
    const m = trainAndScore(db, undefined, (what) => phases.push({ what, at: Math.round(performance.now() - t) }));
    return { decisions: m?.decisions, threshold: m?.threshold, metrics: m?.metrics, phases };
  });
  db.close();
} else if (mode === 'import') {
  const [wxr, dbPath, rules] = args;
  const db = openDatabase(dbPath);
  if (rules === 'rules') addBenchRules(db);
  db.close();
  const { runImport } = await import('../../main/importers/pipeline');
  await report(async () => (await runImport({ filePath: wxr }, { openDb: () => openDatabase(dbPath), rules: rules === 'rules' })).moderation ?? null);
}
