/**
 * start: browser mode as `npm start` runs it (the bundled CLI's `serve`), from spawning the
 * process to the drafts list showing the draft being worked on, in Chromium, with the full data
 * set. Baseline: the same start on a database holding just that one draft, so the ratio shows
 * what the data set's size costs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { build } from '../../common/editor/serialized';
import { copyDataset } from '../generate/index';
import { LONG_DRAFT_TITLE, stored } from '../generate/dataset';
import { startApp } from '../lib/app-server';
import { newPage } from '../lib/browser';
import { median } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';

const BUDGET_MS = 1500;

export const start: Scenario = {
  name: 'start',
  title: 'browser mode start to the interactive drafts list (Chromium)',
  async run(ctx) {
    const [cli, renderer, browser] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser()]);
    const full = copyDataset(ctx.data, 'start');
    const small = path.join(ctx.data.dir, 'work', 'start-one-draft.sqlite');
    for (const s of ['', '-wal', '-shm']) fs.rmSync(small + s, { force: true });
    const db = openDatabase(small);
    createPost(db, { title: LONG_DRAFT_TITLE, body: stored(build.root([build.paragraph([build.text('One short draft.')])])) });
    db.close();

    const once = async (dbPath: string) => {
      const { context, page } = await newPage(browser);
      try {
        const t0 = Date.now();
        const app = await startApp(cli, renderer, dbPath);
        try {
          await page.goto(app.url);
          const shown = await page.waitForFunction(
            (title) => {
              const hit = Array.from(document.querySelectorAll('a, button, [role="link"], [role="row"], [role="option"], li')).some((el) =>
                (el.textContent ?? '').includes(title),
              );
              return hit ? performance.timeOrigin + performance.now() : false;
            },
            LONG_DRAFT_TITLE,
            { polling: 'raf', timeout: 30_000 },
          );
          return ((await shown.jsonValue()) as number) - t0;
        } finally {
          await app.stop();
        }
      } finally {
        await context.close();
      }
    };

    if (ctx.sizes.name === 'full') await once(small); // warm the OS file cache and Chromium's process pool
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < ctx.sizes.repeats; i++) {
      base.push(await once(small));
      ours.push(await once(full));
    }
    ctx.log(`full data set: ${ours.map(Math.round).join(', ')} ms; one draft: ${base.map(Math.round).join(', ')} ms`);
    const m = median(ours);
    return {
      status: 'ok',
      rows: [
        {
          name: 'start to drafts list',
          unit: 'ms',
          ours: m,
          baseline: median(base),
          baselineName: 'same start, 1-draft database',
          budget: `< ${BUDGET_MS} ms`,
          pass: judge(ctx, m < BUDGET_MS),
        },
      ],
    };
  },
};
