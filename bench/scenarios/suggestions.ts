/**
 * suggestions: the 36,000-word draft under review, with 200 open notes anchored in it and 500
 * pending suggestions, against the same draft without them, in the same run (Chromium, browser
 * mode, autosave on). Typing: keystroke to next paint in suggestion mode, at the draft's end and
 * in its middle, against plain typing in the plain draft (the floor: the same keys in the same
 * words with nothing to review). Opening: choose the draft -> editable editor holding all of it.
 */
import { copyDataset } from '../generate/index';
import { startApp, type AppServer } from '../lib/app-server';
import { blockText, placeCaret, typeMeasured } from '../lib/browser';
import { reviewedDraftDatabase } from '../lib/reviewed-draft-db';
import { median, p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';
import { openSurface, type OpenedSurface } from './editor-pages';
import { typingPlan } from './typing';

const BUDGET = 1.3;
const SUGGEST_BUTTON = '[aria-label="Suggestion mode"]';

type Draft = 'plain' | 'reviewed';

const COUNTS = ['.notes-panel .notes-panel__count', '.suggestions-panel .notes-panel__count'];

/** The counts the draft's panels show, [open notes, pending suggestions]: proof the review is really open in the window. */
function panelCounts(s: OpenedSurface): Promise<number[]> {
  // (No named helper functions in the page: the bundler's keepNames wrapper does not exist there.)
  return s.page.evaluate((selectors) => selectors.map((sel) => Number(/\d+/.exec(document.querySelector(sel)?.textContent ?? '')?.[0] ?? NaN)), COUNTS);
}

async function waitForCounts(s: OpenedSurface, want: { notes: number; suggestions: number }): Promise<void> {
  const expected = [want.notes, want.suggestions];
  try {
    await s.page.waitForFunction(
      ({ selectors, expected }) => selectors.every((sel, i) => Number(/\d+/.exec(document.querySelector(sel)?.textContent ?? '')?.[0] ?? NaN) === expected[i]),
      { selectors: COUNTS, expected },
      { timeout: 30_000 },
    );
  } catch {
    throw new Error(`the panels show [open notes, pending suggestions] ${JSON.stringify(await panelCounts(s))}, expected ${JSON.stringify(expected)}`);
  }
}

export const suggestions: Scenario = {
  name: 'suggestions',
  title: 'the long draft with open notes and pending suggestions vs without: typing in suggestion mode, open (Chromium)',
  async run(ctx) {
    const [cli, renderer, browser] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser()]);
    const reviewed = reviewedDraftDatabase(ctx.data, 'suggestions-reviewed');
    ctx.log(`the reviewed draft holds ${reviewed.notes} open notes and ${reviewed.suggestions} pending suggestions`);
    const apps: Partial<Record<Draft, AppServer>> = {};
    try {
      apps.plain = await startApp(cli, renderer, copyDataset(ctx.data, 'suggestions-plain'));
      apps.reviewed = await startApp(cli, renderer, reviewed.file);
      const open = (draft: Draft) => openSurface(browser, 'app', { app: apps[draft]!.url, pages: '' });

      // Opening, alternated so both drafts meet the same load.
      const opened: Record<Draft, number[]> = { plain: [], reviewed: [] };
      const openOnce = async (draft: Draft) => {
        const s = await open(draft);
        await s.context.close();
        return s.openMs!;
      };
      if (ctx.sizes.name === 'full') for (const d of ['plain', 'reviewed'] as const) await openOnce(d); // warm-up: the server's first posts.get, Chromium's code cache
      for (let i = 0; i < ctx.sizes.repeats; i++) for (const d of ['plain', 'reviewed'] as const) opened[d].push(await openOnce(d));
      ctx.log(`open: reviewed ${opened.reviewed.map(Math.round).join(', ')} ms; plain ${opened.plain.map(Math.round).join(', ')} ms`);

      // Typing: the plain draft edited, the reviewed one in suggestion mode.
      const plan = typingPlan(ctx.sizes.keystrokes, ctx.sizes.seed);
      const typed: Record<Draft, Record<'end' | 'middle', number[]>> = { plain: { end: [], middle: [] }, reviewed: { end: [], middle: [] } };
      for (const draft of ['plain', 'reviewed'] as const) {
        const s = await open(draft);
        try {
          const review = draft === 'reviewed' ? reviewed : { notes: 0, suggestions: 0 };
          await waitForCounts(s, review);
          await s.page.waitForTimeout(ctx.sizes.name === 'full' ? 1000 : 200); // let load-time work settle
          if (draft === 'reviewed') {
            await s.page.click(SUGGEST_BUTTON);
            await s.page.waitForSelector(`${SUGGEST_BUTTON}[aria-pressed="true"]`);
          }
          for (const where of ['end', 'middle'] as const) {
            const index = await placeCaret(s.page, s.root, where);
            typed[draft][where] = await typeMeasured(s.page, plan);
            const text = await blockText(s.page, s.root, index);
            if (!text.includes(plan.text.slice(-20))) throw new Error(`${draft} (${where}): the typed text did not land in block ${index}: ...${text.slice(-80)}`);
          }
          // Suggestion mode was really on: each place typed at is one more pending insertion.
          if (draft === 'reviewed') await waitForCounts(s, { notes: reviewed.notes, suggestions: reviewed.suggestions + 2 });
        } finally {
          await s.context.close();
        }
      }

      const rows: Row[] = [];
      for (const where of ['end', 'middle'] as const) {
        const a = typed.reviewed[where];
        const b = typed.plain[where];
        ctx.log(`typing ${where}: suggesting in the reviewed draft p50 ${median(a).toFixed(1)} p95 ${p95(a).toFixed(1)}; plain draft p50 ${median(b).toFixed(1)} p95 ${p95(b).toFixed(1)} ms; p95 ratio ${(p95(a) / p95(b)).toFixed(2)}`);
        rows.push({
          name: `suggesting ${where} p95`,
          unit: 'ms',
          ours: p95(a),
          baseline: p95(b),
          baselineName: 'typing the plain draft',
          budget: `<= ${BUDGET}x baseline`,
          pass: judge(ctx, p95(a) <= BUDGET * p95(b)),
        });
      }
      const m = median(opened.reviewed);
      const b = median(opened.plain);
      ctx.log(`open ratio ${(m / b).toFixed(2)}`);
      rows.push({
        name: 'open reviewed draft',
        unit: 'ms',
        ours: m,
        baseline: b,
        baselineName: 'the plain draft',
        budget: `<= ${BUDGET}x baseline`,
        pass: judge(ctx, m <= BUDGET * b),
      });
      return { status: 'ok', rows };
    } finally {
      await Promise.all(Object.values(apps).map((a) => a.stop()));
    }
  },
};
