/**
 * moderation: the rules, the commenter history and the spam score over the 100,000-comment data
 * set, whose writers the generator keys as an import does while it writes. Rules: the defaults
 * plus banned, suspect and blocked lists over every undecided comment, as the window's Rules
 * dialog applies them to every comment: rules.apply through the product's API (input parsed,
 * handler, report as JSON), then the pane's reload (baseline: reading the same rows, the floor of
 * any rule pass). History: commenters.history for 200 comments, p95. Training: the spam worker's
 * whole job (cross-validation, training on every decision, scoring the pending comments), the
 * bundled worker in a worker thread with the app's heap limits, in a process of its own, with its
 * CPU time and peak RSS. Scoring: 2,000 new comments on the
 * data set's posts imported as the window imports them (imports.start, polled) with the model it
 * stored, until the pane's list in spam-score order shows them scored. Import with rules on
 * against off: the generated WXR through the importer, each in its own process on an empty store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/connection';
import { catchUpCommenterKeys, commenterHistory } from '../../db/repos/commenters';
import { copyDataset } from '../generate/index';
import { writeWxr } from '../generate/wxr';
import { openApi, type ApiSession } from '../lib/dispatch';
import { runBenchChild } from '../lib/bench-child';
import { addBenchRules } from '../lib/bench-rules';
import { percentile } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  detail: unknown;
}

const child = (args: string[], timeoutMs: number) => runBenchChild<ChildResult>('moderation-child.ts', [...args], timeoutMs);

const cpu = (r: ChildResult) => `CPU ${(r.cpuMs / 1000).toFixed(1)} s`;

/** Wall and CPU milliseconds of `work` in this process. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000 };
}

interface ListWindow {
  total: number;
  items: { id: string; moderation?: { score?: number | null } }[];
}

/** The pane's first window of the list, as it reloads after an apply or an import. */
const paneList = (api: ApiSession, order: 'newest' | 'score') => api.call<ListWindow>('comments.list', { filter: {}, order, limit: 100 });

/**
 * A WXR of `comments` new comments on the data set's first posts: the generator's comments with
 * another seed, their ids moved past the data set's, so the importer adds them rather than
 * matching them to stored ones.
 */
function newCommentsWxr(file: string, comments: number, seed: number): string {
  writeWxr(file, { posts: Math.max(1, comments / 500), comments, seed });
  const shift = (m: string, tag: string, n: string) => (n === '0' ? m : `<wp:${tag}>${Number(n) + 10_000_000}</wp:${tag}>`);
  const xml = fs.readFileSync(file, 'utf8').replace(/<wp:(comment_id|comment_parent)>(\d+)<\/wp:\1>/g, (m, tag: string, n: string) => shift(m, tag, n));
  fs.writeFileSync(file, xml);
  return file;
}

export const moderation: Scenario = {
  name: 'moderation',
  title: 'Moderation: rules over every comment, commenter history, spam score, import with rules',
  async run(ctx) {
    const file = copyDataset(ctx.data, 'moderation');
    const db = openDatabase(file);
    const rows: Row[] = [];
    const notes: string[] = [];
    try {
      addBenchRules(db);
      const total = db.prepare('SELECT count(*) FROM comments').pluck().get() as number;

      // The generator keys every writer, as an import does: nothing is left for the rules to key.
      const unkeyed = catchUpCommenterKeys(db);
      if (unkeyed) throw new Error(`the data set left ${unkeyed} comments without their writer's key`);

      let t = performance.now();
      db.prepare('SELECT rowid, status, posted_at, author_name, author_email, author_url, body_text, body_html FROM comments').all();
      const floor = performance.now() - t;
      const api = await openApi(file);
      try {
        const apply = await timed(async () => {
          const report = await api.call<{ evaluated: number; changed: unknown[] }>('rules.apply', { scope: {}, dryRun: false });
          JSON.stringify(report);
          await paneList(api, 'newest');
          return report;
        });
        ctx.log(`rules: ${apply.value.evaluated} undecided of ${total} comments decided, ${apply.value.changed.length} changed, in ${apply.ms.toFixed(0)} ms (CPU ${apply.cpuMs.toFixed(0)} ms)`);
        rows.push({ name: `rules over all ${total.toLocaleString('en-GB')} comments, Apply to the pane's reload (API, CPU ${(apply.cpuMs / 1000).toFixed(1)} s)`, unit: 'ms', ours: apply.ms, baseline: floor, baselineName: 'reading the same rows', budget: '< 5000 ms', pass: judge(ctx, apply.ms < 5000) });
      } finally {
        api.close();
      }

      const ids = db.prepare('SELECT id FROM comments ORDER BY rowid').pluck().all() as string[];
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const id = ids[Math.floor((i * 7919) % ids.length)];
        t = performance.now();
        commenterHistory(db, id);
        times.push(performance.now() - t);
      }
      const p95 = percentile(times, 95);
      rows.push({ name: 'commenter history p95', unit: 'ms', ours: p95, baseline: null, baselineName: '-', budget: '< 50 ms', pass: judge(ctx, p95 < 50) });
    } finally {
      db.close();
    }

    // The bundled worker, as the app starts it (its source would load tsx in the worker too).
    const worker = path.join(path.dirname(await ctx.shared.cli()), 'spam-worker.cjs');
    const train = await child(['train', file, worker], 300_000);
    const decisions = (train.detail as { decisions?: number }).decisions ?? 0;
    notes.push(`training (${cpu(train)}): ${JSON.stringify(train.detail)}`);
    rows.push({ name: `training on ${decisions.toLocaleString('en-GB')} decisions (worker's whole job, ${cpu(train)})`, unit: 'ms', ours: train.ms, baseline: null, baselineName: '-', budget: '< 10000 ms', pass: judge(ctx, train.ms < 10_000) });
    rows.push({ name: 'training peak RSS (its own process)', unit: 'MB', ours: train.maxRssMB, baseline: null, baselineName: '-', budget: '< 300 MB', pass: judge(ctx, train.maxRssMB < 300) });

    const work = path.dirname(file);
    const newComments = ctx.sizes.name === 'full' ? 2_000 : 200;
    const wxr = newCommentsWxr(path.join(work, 'moderation-new-comments.wxr'), newComments, ctx.sizes.seed + 1);
    const api = await openApi(file);
    // The import pipeline's modules load with a session's first import; a reviewer facing the
    // day's comments has the app running, so they are loaded before the clock starts.
    await import('../../main/importers/pipeline');
    try {
      const shown = await timed(async () => {
        let job = await api.call<{ jobId: string; state: string; summary?: { comments: { imported: number } } }>('imports.start', { file: { path: wxr } });
        while (job.state === 'running') {
          await new Promise((r) => setTimeout(r, 5));
          job = await api.call('imports.progress', { jobId: job.jobId });
        }
        if (job.state !== 'done') throw new Error(`the import of ${newComments} new comments ended ${job.state}: ${JSON.stringify((job as { error?: unknown }).error)}`);
        return { imported: job.summary?.comments.imported ?? 0, list: await paneList(api, 'score') };
      });
      const scored = shown.value.list.items.filter((i) => typeof i.moderation?.score === 'number').length;
      if (shown.value.imported !== newComments) throw new Error(`expected ${newComments} new comments, the import added ${shown.value.imported}`);
      if (!scored) throw new Error('the pane in spam-score order shows no scored comment after the import');
      notes.push(`scoring ${newComments} new comments: imported ${shown.value.imported}, the pane's first ${shown.value.list.items.length} rows in score order, ${scored} scored (CPU ${shown.cpuMs.toFixed(0)} ms)`);
      rows.push({ name: `scoring ${newComments.toLocaleString('en-GB')} new comments: import with the model to the pane's list in score order (API, CPU ${(shown.cpuMs / 1000).toFixed(1)} s)`, unit: 'ms', ours: shown.ms, baseline: null, baselineName: '-', budget: '< 1000 ms', pass: judge(ctx, shown.ms < 1000) });
    } finally {
      api.close();
    }

    const fresh = (name: string) => {
      const f = path.join(work, `${name}.sqlite`);
      for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
      return f;
    };
    const off = await child(['import', ctx.data.wxr.file, fresh('import-no-rules'), 'no-rules'], 600_000);
    const on = await child(['import', ctx.data.wxr.file, fresh('import-rules'), 'rules'], 600_000);
    notes.push(`import without rules ${cpu(off)}, with rules ${cpu(on)} (${JSON.stringify(on.detail)})`);
    const ratio = on.cpuMs / off.cpuMs;
    rows.push({ name: `import with rules (${cpu(on)}) vs without (${cpu(off)}), CPU ratio ${ratio.toFixed(2)}x`, unit: 'ms', ours: on.ms, baseline: off.ms, baselineName: 'the same import, rules off', budget: '<= 1.15x', pass: judge(ctx, on.ms <= off.ms * 1.15) });
    return { status: 'ok', rows, notes };
  },
};
