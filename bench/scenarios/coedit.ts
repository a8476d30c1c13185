/**
 * coedit: the 36,000-word draft co-edited (issue 14, item 10), in Chromium through browser mode
 * joined to a real team server, against same-run baselines:
 * - opening it (the text arrives through the window stream) against the bare Lexical page, and
 *   the same app not in a workspace (co-editing off) for reference;
 * - typing at its end: keystroke-to-paint p95 against the bare Lexical page (and co-editing off);
 * - a burst of 1,000 remote changes (a colleague's client on the stream) while typing: the frame
 *   interval p95 against typing alone in the same page;
 * - a keystroke in window A until window B shows it (two windows on the loopback stream).
 */
import path from 'node:path';
import { coEditStores } from '../lib/coedit-store';
import { startApp } from '../lib/app-server';
import { placeCaret, typeMeasured } from '../lib/browser';
import { keyToOtherWindow, remoteBurst, streamClient } from '../lib/coedit-probes';
import { startFrameLog as startFrames, stopFrameLog as stopFrames } from '../lib/frames';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';
import { openSurface } from './editor-pages';
import { typingPlan } from './typing';

const OPEN_BUDGET_MS = 1000;
const OPEN_TIMEOUT_MS = 120_000;
const BURST = 1000;

export const coedit: Scenario = {
  name: 'coedit',
  title: 'the long draft co-edited: open, typing, a burst of remote changes, window A to window B (Chromium)',
  async run(ctx) {
    const [cli, renderer, browser, pages] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser(), ctx.shared.pages(ctx.data)]);
    const { onDb, offDb, keyFile, stop } = await coEditStores(ctx.data.db, path.join(ctx.data.dir, 'work', 'coedit'));
    const notes: string[] = [];
    try {
      const off = await startApp(cli, renderer, offDb, { WORKBENCH_KEY_FILE: keyFile });
      const on = await startApp(cli, renderer, onDb, { WORKBENCH_KEY_FILE: keyFile });
      try {
        const urls = (app: string) => ({ app, pages: pages.url });
        // Opening: co-editing on, off, and the bare page, interleaved.
        const openMs = { on: [] as number[], off: [] as number[], bare: [] as number[] };
        const rounds = ctx.sizes.name === 'full' ? ctx.sizes.repeats + 1 : ctx.sizes.repeats;
        for (let i = 0; i < rounds; i++) {
          for (const [k, surface, url] of [['on', 'app', on.url], ['off', 'app', off.url], ['bare', 'bare', on.url]] as const) {
            // One CI run saw a co-edited open pass 30 s on a busy runner (three runs here: 1.9-3.0 s at
            // smoke size): a slow open is measured and reported, only one past 2 minutes fails the run.
            const s = await openSurface(browser, surface, urls(url), OPEN_TIMEOUT_MS);
            await s.context.close();
            if (ctx.sizes.name !== 'full' || i > 0) openMs[k].push(s.openMs!); // the first full round warms up
          }
        }
        ctx.log(`open: on ${openMs.on.map(Math.round).join(', ')}; off ${openMs.off.map(Math.round).join(', ')}; bare ${openMs.bare.map(Math.round).join(', ')} ms`);

        // Typing at the end: bare, off, on; then on again with a colleague's burst of changes.
        const plan = typingPlan(ctx.sizes.keystrokes, ctx.sizes.seed);
        const typed: Record<'bare' | 'off' | 'on' | 'burst', number[]> = { bare: [], off: [], on: [], burst: [] };
        const frames: Record<'on' | 'burst', number[]> = { on: [], burst: [] };
        for (const k of ['bare', 'off', 'on'] as const) {
          const s = await openSurface(browser, k === 'bare' ? 'bare' : 'app', urls(k === 'off' ? off.url : on.url));
          try {
            await s.page.waitForTimeout(ctx.sizes.name === 'full' ? 1000 : 200);
            await placeCaret(s.page, s.root, 'end');
            if (k === 'on') await startFrames(s.page);
            typed[k] = await typeMeasured(s.page, plan);
            if (k !== 'on') continue;
            frames.on = await stopFrames(s.page);
            // The same page, typing again while a colleague's 1,000 changes arrive over the typing's span.
            const secret = await s.page.evaluate(() => document.querySelector('meta[name="workbench-secret"]')?.getAttribute('content') ?? '');
            const postId = new URL(s.page.url()).hash.match(/[0-9a-f-]{36}/)?.[0] ?? '';
            const colleague = await streamClient(on.url, secret, `body/${postId}`);
            try {
              const spanMs = plan.gaps.reduce((a, b) => a + b, 0) + plan.text.length * 25;
              await startFrames(s.page);
              const burst = remoteBurst(colleague.doc, BURST, spanMs);
              typed.burst = await typeMeasured(s.page, plan);
              frames.burst = await stopFrames(s.page);
              burst.stop();
              const applied = await burst.done;
              notes.push(`${applied} of ${BURST} remote changes were applied while typing ${plan.text.length} keys`);
              ctx.log(notes.at(-1)!);
            } finally {
              colleague.close();
            }
          } finally {
            await s.context.close();
          }
        }
        for (const k of ['bare', 'off', 'on', 'burst'] as const) ctx.log(`typing ${k}: p50 ${median(typed[k]).toFixed(1)} p95 ${p95(typed[k]).toFixed(1)} ms`);
        ctx.log(`frame interval p95: typing ${p95(frames.on).toFixed(1)} ms, with the burst ${p95(frames.burst).toFixed(1)} ms`);

        // Window A to window B, both on the same draft through the loopback stream.
        const a = await openSurface(browser, 'app', urls(on.url));
        const b = await openSurface(browser, 'app', urls(on.url));
        let ab: number[];
        try {
          const index = await placeCaret(a.page, a.root, 'end');
          ab = await keyToOtherWindow(a.page, b.page, b.root, index, plan.text.slice(0, Math.min(plan.text.length, 60)));
        } finally {
          await a.context.close();
          await b.context.close();
        }
        ctx.log(`window A to window B: p50 ${median(ab).toFixed(1)} p95 ${p95(ab).toFixed(1)} ms`);

        const rows: Row[] = [
          {
            name: 'co-edited long draft: open',
            unit: 'ms',
            ours: median(openMs.on),
            baseline: median(openMs.bare),
            baselineName: 'bare Lexical page, same state',
            budget: `<= 1.5x baseline and < ${OPEN_BUDGET_MS} ms`,
            pass: judge(ctx, median(openMs.on) <= 1.5 * median(openMs.bare) && median(openMs.on) < OPEN_BUDGET_MS),
            note: `co-editing off: ${Math.round(median(openMs.off))} ms`,
          },
          {
            name: 'co-edited long draft: typing end p95',
            unit: 'ms',
            ours: p95(typed.on),
            baseline: p95(typed.bare),
            baselineName: 'bare Lexical page',
            budget: '<= 1.3x baseline',
            pass: judge(ctx, p95(typed.on) <= 1.3 * p95(typed.bare)),
            note: `co-editing off: ${p95(typed.off).toFixed(1)} ms`,
          },
          {
            name: `co-edited long draft: frame interval p95, ${BURST} remote changes while typing`,
            unit: 'ms',
            ours: p95(frames.burst),
            baseline: p95(frames.on),
            baselineName: 'typing alone, same page',
            budget: '<= 1.5x baseline',
            pass: judge(ctx, p95(frames.burst) <= 1.5 * p95(frames.on)),
            note: `keystroke p95 ${p95(typed.burst).toFixed(1)} ms with the burst, ${p95(typed.on).toFixed(1)} ms without`,
          },
          {
            name: 'co-edited long draft: keystroke on window A until shown on B, p95',
            unit: 'ms',
            ours: p95(ab),
            baseline: null,
            baselineName: 'none (absolute budget)',
            budget: '< 250 ms',
            pass: judge(ctx, p95(ab) < 250),
          },
        ];
        return { status: 'ok', rows, notes };
      } finally {
        await on.stop();
        await off.stop();
      }
    } finally {
      await stop();
    }
  },
};
