/**
 * moderation: the rules, the commenter history and the spam score over the 100,000-comment data
 * set. Rules: the defaults plus banned, suspect and blocked lists over every undecided comment,
 * written (baseline: reading the same rows, the floor of any rule pass). History: commenters.history
 * for 200 comments, p95. Scoring: 2,000 comments with a model trained on the store. Training: on
 * every decision in the store, with the process's peak RSS (in-process, so it includes the rest).
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/connection';
import { addRule } from '../../db/repos/moderation-rules';
import { applyRules } from '../../db/repos/rule-apply';
import { commenterHistory } from '../../db/repos/commenters';
import { readDecisions } from '../../db/repos/spam-scores';
import { scoreText, trainSpamModel } from '../../common/moderation/spam-model';
import { copyDataset } from '../generate/index';
import { percentile } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

export const moderation: Scenario = {
  name: 'moderation',
  title: 'Moderation: rules over every comment, commenter history, spam score',
  async run(ctx) {
    const db = openDatabase(copyDataset(ctx.data, 'moderation'));
    const rows: Row[] = [];
    try {
      addRule(db, { kind: 'banned', params: { phrases: ['cheap meds', 'casino bonus', 'free money'] } });
      addRule(db, { kind: 'suspect', params: { words: ['crypto', 'discount', 'offer'] } });
      addRule(db, { kind: 'blocked', params: { emails: ['bad@spam.example'], names: ['Win Big'], domains: ['spam.example'] } });
      const total = db.prepare('SELECT count(*) FROM comments').pluck().get() as number;

      let t = performance.now();
      db.prepare('SELECT rowid, status, posted_at, author_name, author_email, author_url, body_text, body_html FROM comments').all();
      const floor = performance.now() - t;
      t = performance.now();
      const { verdicts } = applyRules(db, {});
      const applyMs = performance.now() - t;
      ctx.log(`rules: ${verdicts.length} undecided of ${total} comments decided in ${applyMs.toFixed(0)} ms`);
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

      const decisions = readDecisions(db);
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      t = performance.now();
      const model = trainSpamModel(decisions, { seed: 1 });
      const trainMs = performance.now() - t;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      rows.push({ name: `training on ${decisions.length.toLocaleString('en-GB')} decisions`, unit: 'ms', ours: trainMs, baseline: null, baselineName: '-', budget: '< 10000 ms', pass: judge(ctx, trainMs < 10_000) });
      rows.push({ name: 'training peak RSS (whole bench process)', unit: 'MB', ours: peak / 1e6, baseline: rss0 / 1e6, baselineName: 'RSS before training', budget: '< 300 MB', pass: judge(ctx, peak / 1e6 < 300) });

      const texts = db.prepare('SELECT body_text FROM comments ORDER BY rowid DESC LIMIT 2000').pluck().all() as string[];
      t = performance.now();
      for (const text of texts) scoreText(model, text);
      const scoreMs = performance.now() - t;
      rows.push({ name: 'scoring 2,000 comments', unit: 'ms', ours: scoreMs, baseline: null, baselineName: '-', budget: '< 1000 ms', pass: judge(ctx, scoreMs < 1000) });
    } finally {
      db.close();
    }
    return {
      status: 'ok',
      rows: [...rows, { name: 'import with rules vs without', skipped: 'not measured yet: the import scenario runs without rules (RunOptions.rules = false) only' }],
    };
  },
};
