/**
 * open: from choosing the 36,000-word draft in the drafts list to an editable editor holding all
 * of it (its last block rendered), in Chromium through browser mode. Baseline: the bare Lexical
 * page fetching and loading the same serialized state.
 */
import { copyDataset } from '../generate/index';
import { startApp } from '../lib/app-server';
import { median } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';
import { openSurface } from './editor-pages';

const BUDGET_MS = 1000;

export const open: Scenario = {
  name: 'open',
  title: 'choose the long draft -> editable editor (Chromium, browser mode)',
  async run(ctx) {
    const [cli, renderer, browser, pages] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser(), ctx.shared.pages(ctx.data)]);
    const app = await startApp(cli, renderer, copyDataset(ctx.data, 'open'));
    try {
      const urls = { app: app.url, pages: pages.url };
      const once = async (surface: 'app' | 'bare') => {
        const s = await openSurface(browser, surface, urls);
        await s.context.close();
        return s.openMs!;
      };
      if (ctx.sizes.name === 'full') {
        await once('app'); // warm-up: the server's first posts.get and Chromium's code cache
        await once('bare');
      }
      const ours: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < ctx.sizes.repeats; i++) {
        ours.push(await once('app'));
        base.push(await once('bare'));
      }
      ctx.log(`app: ${ours.map(Math.round).join(', ')} ms; bare Lexical: ${base.map(Math.round).join(', ')} ms`);
      const m = median(ours);
      const b = median(base);
      return {
        status: 'ok',
        rows: [
          {
            name: 'open long draft',
            unit: 'ms',
            ours: m,
            baseline: b,
            baselineName: 'bare Lexical page, same state',
            budget: `<= 1.2x baseline and < ${BUDGET_MS} ms`,
            pass: judge(ctx, m <= 1.2 * b && m < BUDGET_MS),
          },
        ],
      };
    } finally {
      await app.stop();
    }
  },
};
