/**
 * moderation: the rules, the commenter history and the spam score over the 100,000-comment data
 * set. Keys: every comment's writer keyed, as an import does while it writes (the data set is
 * inserted without the importer, so it is done here first, timed apart). Rules: the defaults
 * plus banned, suspect and blocked lists over every undecided comment, written (baseline: reading
 * the same rows, the floor of any rule pass). History: commenters.history for 200 comments, p95.
 * Training: the spam worker's whole job (cross-validation, training on every decision, scoring
 * the pending comments) in a process of its own, with its CPU time and peak RSS. Scoring: 2,000
 * comments with the model it stored. Import with rules on against off: the generated WXR through
 * the importer, each in its own process on an empty store.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/connection';
import { applyRules } from '../../db/repos/rule-apply';
import { catchUpCommenterKeys, commenterHistory } from '../../db/repos/commenters';
import { latestModel } from '../../db/repos/spam-scores';
import { scoreText } from '../../common/moderation/spam-model';
import { copyDataset } from '../generate/index';
import { APP_ROOT, BENCH_ROOT } from '../lib/paths';
import { addBenchRules } from '../lib/bench-rules';
import { percentile } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  detail: unknown;
}

function child(args: string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_ROOT, 'lib/moderation-child.ts'), ...args], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('error', reject);
    p.once('exit', (code) => {
      clearTimeout(timer);
      const m = out.match(/BENCH_RESULT (\{.*\})\s*$/);
      if (!m) return reject(new Error(`moderation-child ${args[0]} exited with ${code} and no result:\n${err.slice(-2000)}${out.slice(-1000)}`));
      resolve(JSON.parse(m[1]) as ChildResult);
    });
  });
}

const cpu = (r: ChildResult) => `CPU ${(r.cpuMs / 1000).toFixed(1)} s`;

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

      let t = performance.now();
      const keyed = catchUpCommenterKeys(db);
      const keysMs = performance.now() - t;
      rows.push({ name: `keying ${keyed.toLocaleString('en-GB')} commenters (an import does it as it writes)`, unit: 'ms', ours: keysMs, baseline: null, baselineName: '-', budget: '-', pass: null });

      t = performance.now();
      db.prepare('SELECT rowid, status, posted_at, author_name, author_email, author_url, body_text, body_html FROM comments').all();
      const floor = performance.now() - t;
      t = performance.now();
      const c0 = process.cpuUsage();
      const { verdicts } = applyRules(db, {});
      const c1 = process.cpuUsage(c0);
      const applyMs = performance.now() - t;
      ctx.log(`rules: ${verdicts.length} undecided of ${total} comments decided in ${applyMs.toFixed(0)} ms (CPU ${((c1.user + c1.system) / 1000).toFixed(0)} ms)`);
      rows.push({ name: `rules over all ${total.toLocaleString('en-GB')} comments`, unit: 'ms', ours: applyMs, baseline: floor, baselineName: 'reading the same rows', budget: '< 5000 ms', pass: judge(ctx, applyMs < 5000) });

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

    const train = await child(['train', file], 300_000);
    const decisions = (train.detail as { decisions?: number }).decisions ?? 0;
    notes.push(`training (${cpu(train)}): ${JSON.stringify(train.detail)}`);
    rows.push({ name: `training on ${decisions.toLocaleString('en-GB')} decisions (worker's whole job, ${cpu(train)})`, unit: 'ms', ours: train.ms, baseline: null, baselineName: '-', budget: '< 10000 ms', pass: judge(ctx, train.ms < 10_000) });
    rows.push({ name: 'training peak RSS (its own process)', unit: 'MB', ours: train.maxRssMB, baseline: null, baselineName: '-', budget: '< 300 MB', pass: judge(ctx, train.maxRssMB < 300) });

    const read = openDatabase(file, { readonly: true, migrate: false });
    try {
      const model = latestModel(read);
      if (!model) throw new Error('the training stored no model');
      const texts = read.prepare('SELECT body_text FROM comments ORDER BY rowid DESC LIMIT 2000').pluck().all() as string[];
      const t = performance.now();
      for (const text of texts) scoreText(model.model, text);
      const scoreMs = performance.now() - t;
      rows.push({ name: 'scoring 2,000 comments', unit: 'ms', ours: scoreMs, baseline: null, baselineName: '-', budget: '< 1000 ms', pass: judge(ctx, scoreMs < 1000) });
    } finally {
      read.close();
    }

    const work = path.dirname(file);
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
