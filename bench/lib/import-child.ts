/**
 * Runs one import in a process of its own, so its peak memory (maxRSS) is its own:
 *   node --import tsx bench/lib/import-child.ts product|baseline <wxr> <db> <posts> <comments> <seed>
 * product: the importer `workbench import-comments` runs (runImport), in-process, timed, with the
 * time of each phase (ImportPhases).
 * baseline: the same comments as ready-made rows, inserted with one prepared statement in one
 * transaction, the real floor of the importer's writes: the per-row search-index and state
 * triggers suspended and both tables filled in bulk at the end, as the importer does
 * (suspendDerivedTriggers). Only the writes are timed. Prints `BENCH_RESULT {...}` as its last line,
 * with the timed part's wall time (ms) and CPU time (cpuMs: user + system of every thread of the
 * process, the importer's reading thread included), the measure that a busy machine distorts least.
 */
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import type { ImportPhases } from '../../main/importers/pipeline';
import { suspendDerivedTriggers } from '../../db/repos/comment-import';
import { commentRows, insertCommentRows } from '../generate/comment-rows';

const [mode, wxr, dbPath, posts, comments, seed] = process.argv.slice(2);
const shape = { posts: Number(posts), comments: Number(comments), seed: Number(seed) };

// Both start from an empty, migrated database.
openDatabase(dbPath).close();

let ms: number;
let cpuMs: number;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};
const exitCode = 0;
let phases: ImportPhases | undefined;
if (mode === 'product') {
  // Loaded only here, so the baseline never depends on the importer's modules.
  const { runImport } = await import('../../main/importers/pipeline');
  phases = {} as ImportPhases;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const summary = await runImport({ filePath: wxr }, { openDb: () => openDatabase(dbPath), phases });
  ms = performance.now() - t;
  cpuMs = cpuSince(cpu);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  const db = openDatabase(dbPath);
  const rows = commentRows(shape, (p) => createPost(db, { title: p.title, slug: p.slug, status: 'published', source: 'wxr', sourceId: String(p.wpId), sourceUrl: p.link }).id);
  const t = performance.now();
  const cpu = process.cpuUsage();
  db.transaction(() => {
    const resume = suspendDerivedTriggers(db, (db.prepare('SELECT coalesce(max(rowid), 0) FROM comments').pluck().get() as number));
    insertCommentRows(db, rows);
    resume();
  })();
  ms = performance.now() - t;
  cpuMs = cpuSince(cpu);
  db.close();
}
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ mode, ms, cpuMs, maxRssMB, exitCode, phases })}\n`);
process.exit(exitCode);
