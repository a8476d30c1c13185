/**
 * cli-start: `npx workbench` as scripts call it, whole process from spawn to exit, through
 * bin/workbench.mjs on the bench's bundle (so the launcher's staleness check is included):
 * `--help`, `posts --json` on the data set, and an empty file refused by `import-comments`.
 * Baseline: `node -e 0`, the floor of any Node process on this machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyDataset } from '../generate/index';
import { APP_ROOT } from '../lib/paths';
import { timeInterleaved, timeProcess } from '../lib/process-time';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

const BUDGETS = { help: 250, posts: 250, empty: 300 };

export const cliStart: Scenario = {
  name: 'cli-start',
  title: 'the CLI from spawn to exit (--help, posts --json, an empty import) vs node -e 0',
  async run(ctx) {
    const cli = await ctx.shared.cli();
    const db = copyDataset(ctx.data, 'cli-start');
    const empty = path.join(ctx.data.dir, 'work', 'empty.xml');
    fs.writeFileSync(empty, '');
    const bin = path.join(APP_ROOT, 'bin', 'workbench.mjs');
    const env = { WORKBENCH_BUNDLE_DIR: path.dirname(cli), WORKBENCH_TRACE_LAUNCH: '1' };
    const workbench = (...args: string[]) => ({ args: () => [bin, ...args], env });
    const times = ctx.sizes.name === 'full' ? 15 : 2;
    // The launcher must have chosen the bundle: a run of the sources would measure tsx instead.
    const probe = await timeProcess([bin, '--help'], env);
    if (!probe.stderr.includes('workbench: bundle')) throw new Error(`bin/workbench.mjs did not run the bench's bundle: ${probe.stderr.slice(0, 300)}`);
    const runs = await timeInterleaved(
      {
        node: { args: () => ['-e', '0'], expect: 0 },
        help: { ...workbench('--help'), expect: 0 },
        posts: { ...workbench('posts', '--json', '--db', db), expect: 0 },
        empty: { ...workbench('import-comments', empty, '--db', db), expect: 2 },
      },
      times,
    );
    const base = median(runs.node);
    const row = (key: keyof typeof BUDGETS, name: string): Row => ({
      name: `cli ${name}`,
      unit: 'ms',
      ours: median(runs[key]),
      baseline: base,
      baselineName: 'node -e 0 (median)',
      budget: `< ${BUDGETS[key]} ms`,
      pass: judge(ctx, median(runs[key]) < BUDGETS[key]),
      note: `p95 ${Math.round(p95(runs[key]))} ms`,
    });
    ctx.log(`node -e 0: median ${Math.round(base)} ms; ${(['help', 'posts', 'empty'] as const).map((k) => `${k} ${Math.round(median(runs[k]))} ms`).join(', ')}`);
    return {
      status: 'ok',
      notes: [`${times} interleaved runs each, whole process through bin/workbench.mjs on the bundle; posts on the ${ctx.data.dataset.drafts + ctx.data.dataset.commentPosts}-post data set`],
      rows: [row('help', '--help'), row('posts', 'posts --json'), row('empty', 'empty import refused')],
    };
  },
};
