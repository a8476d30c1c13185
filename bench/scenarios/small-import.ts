/**
 * small-import: a 2,000-comment WXR through `workbench import-comments`, whole process from spawn
 * to exit (bin/workbench.mjs on the bench's bundle), into a fresh migrated database each time.
 * Baseline: a process of its own that creates the same posts and inserts the same rows ready-made,
 * with the importer's bulk index fill (bench/lib/bare-insert-child.ts): the floor of the same writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { bundleNode } from '../../scripts/main-bundle.mjs';
import { commentRows } from '../generate/comment-rows';
import { writeWxr } from '../generate/wxr';
import type { BareInsertInput } from '../lib/bare-insert-child';
import { APP_ROOT } from '../lib/paths';
import { timeInterleaved } from '../lib/process-time';
import { median, p95 } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';

const COMMENTS = 2_000;
const BUDGET_MS = 1_000;

export const smallImport: Scenario = {
  name: 'small-import',
  title: 'a 2,000-comment WXR imported by the CLI, whole process, vs a process doing the bare inserts',
  async run(ctx) {
    const cli = await ctx.shared.cli();
    const work = path.join(ctx.data.dir, 'work');
    const comments = ctx.sizes.name === 'full' ? COMMENTS : 200;
    const shape = { posts: Math.max(1, comments / 500), comments, seed: ctx.sizes.seed };
    const wxr = writeWxr(path.join(work, 'small-import.wxr'), shape);
    const posts: BareInsertInput['posts'] = [];
    const rows = commentRows(shape, (p) => {
      const key = `post-${p.wpId}`;
      posts.push({ key, title: p.title, slug: p.slug, wpId: p.wpId, link: p.link });
      return key;
    });
    const rowsFile = path.join(work, 'small-import-rows.json');
    fs.writeFileSync(rowsFile, JSON.stringify({ posts, rows } satisfies BareInsertInput));
    const bareDir = path.join(path.dirname(cli), 'bare-insert');
    await bundleNode(APP_ROOT, bareDir, { 'bare-insert': 'bench/lib/bare-insert-child.ts' });

    const fresh = (name: string) => {
      const file = path.join(work, `${name}.sqlite`);
      for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
      openDatabase(file).close();
      return file;
    };
    const ourDb = path.join(work, 'small-import-ours.sqlite');
    const baseDb = path.join(work, 'small-import-bare.sqlite');
    const times = ctx.sizes.name === 'full' ? 7 : 1;
    const env = { WORKBENCH_BUNDLE_DIR: path.dirname(cli) };
    const runs = await timeInterleaved(
      {
        bare: { args: () => [path.join(bareDir, 'bare-insert.cjs'), rowsFile, baseDb], expect: 0, prepare: () => void fresh('small-import-bare') },
        ours: { args: () => [path.join(APP_ROOT, 'bin', 'workbench.mjs'), 'import-comments', wxr.file, '--db', ourDb, '--json'], expect: 0, env, prepare: () => void fresh('small-import-ours') },
      },
      times,
    );
    const count = (db: string) => {
      const d = openDatabase(db);
      try {
        return d.prepare('SELECT count(*) FROM comments').pluck().get() as number;
      } finally {
        d.close();
      }
    };
    if (count(ourDb) !== comments || count(baseDb) !== comments) throw new Error(`expected ${comments} comments in both databases, got ${count(ourDb)} and ${count(baseDb)}`);
    const ours = median(runs.ours);
    ctx.log(`import: ${runs.ours.map(Math.round).join(', ')} ms; bare inserts: ${runs.bare.map(Math.round).join(', ')} ms`);
    return {
      status: 'ok',
      notes: [`${times} interleaved runs each of ${comments} comments (${(wxr.bytes / 1e6).toFixed(1)} MB), each into a fresh migrated database`],
      rows: [
        {
          name: `small import ${comments.toLocaleString('en-GB')} comments, whole process`,
          unit: 'ms',
          ours,
          baseline: median(runs.bare),
          baselineName: 'a process inserting the same rows, bulk index fill',
          budget: `< ${BUDGET_MS} ms`,
          pass: judge(ctx, ours < BUDGET_MS),
          note: `p95 ${Math.round(p95(runs.ours))} ms`,
        },
      ],
    };
  },
};
