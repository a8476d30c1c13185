/**
 * typing: keystroke-to-next-paint latency typing into the 36,000-word draft, at its end and in
 * its middle, in Chromium through browser mode with autosave on. Baselines in the same run: the
 * bare Lexical page (same nodes, same document) and a plain contenteditable (the floor: no key
 * paints before the next frame). Keys come at a typist's cadence with pauses long enough for
 * autosave to fire, and each key is sent after the previous one painted.
 */
import { copyDataset } from '../generate/index';
import { mulberry32 } from '../generate/prng';
import { startApp } from '../lib/app-server';
import { blockText, placeCaret, typeMeasured, type TypingPlan } from '../lib/browser';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';
import { openSurface, type Surface } from './editor-pages';

const PHRASE = ' the quick brown fox jumps over the lazy dog while nurses finish the ward round';

export function typingPlan(keys: number, seed: number): TypingPlan {
  const rng = mulberry32(seed).fork(42);
  let text = '';
  while (text.length < keys) text += PHRASE;
  text = text.slice(0, keys);
  // 20-60 ms between keys; every 40 keys a 1.0-1.3 s pause, long enough for a 1 s autosave to start.
  const gaps = Array.from(text, (_, i) => ((i + 1) % 40 === 0 ? rng.int(1000, 1300) : rng.int(20, 60)));
  return { text, gaps };
}

async function fetchJson(url: string, method: string, secret: string, input: unknown) {
  const res = await fetch(new URL(`api/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-secret': secret },
    body: JSON.stringify(input),
  });
  return res.json() as Promise<{ ok: boolean; value?: { body: unknown } }>;
}

export const typing: Scenario = {
  name: 'typing',
  title: 'keystroke to next paint in the long draft, end and middle (Chromium, autosave on)',
  async run(ctx) {
    const [cli, renderer, browser, pages] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser(), ctx.shared.pages(ctx.data)]);
    const app = await startApp(cli, renderer, copyDataset(ctx.data, 'typing'));
    const plan = typingPlan(ctx.sizes.keystrokes, ctx.sizes.seed);
    const results: Record<Surface, Record<'end' | 'middle', number[]>> = { app: { end: [], middle: [] }, bare: { end: [], middle: [] }, plain: { end: [], middle: [] } };
    const notes: string[] = [];
    try {
      for (const surface of ['plain', 'bare', 'app'] as const) {
        const s = await openSurface(browser, surface, { app: app.url, pages: pages.url });
        try {
          await s.page.waitForTimeout(ctx.sizes.name === 'full' ? 1000 : 200); // let load-time work (effects, first autosave checks) settle
          for (const where of ['end', 'middle'] as const) {
            const index = await placeCaret(s.page, s.root, where);
            results[surface][where] = await typeMeasured(s.page, plan);
            const text = await blockText(s.page, s.root, index);
            const tail = plan.text.slice(-20);
            if (!text.includes(tail)) throw new Error(`${surface} (${where}): the typed text did not land in block ${index}: ...${text.slice(-80)}`);
          }
          if (surface === 'app') {
            // Autosave must really have been on: the stored body holds what was typed.
            await s.page.waitForTimeout(2500);
            const secret = await s.page.evaluate(() => document.querySelector('meta[name="workbench-secret"]')?.getAttribute('content') ?? '');
            const posts = await fetchJson(app.url, 'posts.get', secret, { id: ctx.data.dataset.longDraftId });
            const saved = JSON.stringify(posts.value?.body ?? '').includes(plan.text.slice(-20));
            notes.push(saved ? 'autosave stored the typed text' : 'autosave did NOT store the typed text within 2.5 s');
            ctx.log(notes[notes.length - 1]);
          }
        } finally {
          await s.context.close();
        }
      }
    } finally {
      await app.stop();
    }
    const rows: Row[] = [];
    for (const where of ['end', 'middle'] as const) {
      const a = results.app[where];
      const b = results.bare[where];
      const p = results.plain[where];
      ctx.log(
        `${where}: app p50 ${median(a).toFixed(1)} p95 ${p95(a).toFixed(1)}; bare Lexical p50 ${median(b).toFixed(1)} p95 ${p95(b).toFixed(1)}; plain p50 ${median(p).toFixed(1)} p95 ${p95(p).toFixed(1)} ms`,
      );
      rows.push(
        {
          name: `typing ${where} p50`,
          unit: 'ms',
          ours: median(a),
          baseline: median(p),
          baselineName: 'plain contenteditable',
          budget: '<= plain + 3 ms',
          pass: judge(ctx, median(a) <= median(p) + 3),
        },
        {
          name: `typing ${where} p95`,
          unit: 'ms',
          ours: p95(a),
          baseline: p95(b),
          baselineName: 'bare Lexical page',
          budget: '<= 1.2x baseline',
          pass: judge(ctx, p95(a) <= 1.2 * p95(b)),
        },
      );
    }
    return { status: 'ok', rows, notes };
  },
};
