/**
 * start: browser mode as `npm start` runs it (the bundled CLI's `serve`), from spawning the
 * process to the drafts list showing the draft being worked on, in Chromium, with the full data
 * set. Baseline: the same start on a database holding just that one draft, so the ratio shows
 * what the data set's size costs. The budget is that ratio: an absolute start time says more
 * about the machine than about the app.
 */
import { copyDataset } from '../generate/index';
import { LONG_DRAFT_TITLE } from '../generate/dataset';
import { startApp } from '../lib/app-server';
import { newPage } from '../lib/browser';
import { firstMatchAt } from '../lib/first-match';
import { oneDraftDatabase } from '../lib/one-draft-db';
import { median } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';

const BUDGET_RATIO = 1.2;

export const start: Scenario = {
  name: 'start',
  title: 'browser mode start to the interactive drafts list (Chromium)',
  async run(ctx) {
    const [cli, renderer, browser] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser()]);
    const full = copyDataset(ctx.data, 'start');
    const small = oneDraftDatabase(ctx.data, 'start-one-draft');

    const once = async (dbPath: string) => {
      const { context, page } = await newPage(browser, { selector: 'a, button, [role="link"], [role="row"], [role="option"], li', text: LONG_DRAFT_TITLE });
      try {
        const t0 = Date.now();
        const app = await startApp(cli, renderer, dbPath);
        try {
          await page.goto(app.url, { waitUntil: 'commit' });
          // Recorded by the page itself (lib/first-match.ts), then put on the same clock as t0.
          const shown = await firstMatchAt(page);
          return (await page.evaluate(() => performance.timeOrigin)) + shown - t0;
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
    const b = median(base);
    return {
      status: 'ok',
      rows: [
        {
          name: 'start to drafts list',
          unit: 'ms',
          ours: m,
          baseline: b,
          baselineName: 'same start, 1-draft database',
          budget: `<= ${BUDGET_RATIO}x baseline`,
          pass: judge(ctx, m <= BUDGET_RATIO * b),
        },
      ],
    };
  },
};
