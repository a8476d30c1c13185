/**
 * cold-open: the window opened as a new page straight on an area (#/drafts, #/series,
 * #/comments, #/planning), from the navigation's start to the frame that shows the area's first rows, in a
 * fresh Chromium context each time (no HTTP or code cache), against a running browser-mode server
 * on the full data set. Two baselines from the same run: the same open on the one-draft database
 * (what the data set's size costs), and a static page holding the very rows the app showed, with
 * the app's style sheets and no script at all (the floor of showing them).
 */
import type { Browser } from '@playwright/test';
import { copyDataset } from '../generate/index';
import { startApp, type AppServer } from '../lib/app-server';
import { newPage } from '../lib/browser';
import { oneDraftDatabase } from '../lib/one-draft-db';
import { serveStatic } from '../lib/static-server';
import { p95 } from '../lib/stats';
import { judge, type Row, type Scenario } from '../lib/types';

const BUDGET_MS = 400;

/** Each area of the window and what its first rows are (loading placeholders excluded). */
export const COLD_AREAS = [
  { area: 'drafts', rows: '[data-testid="draft-row"]' },
  { area: 'series', rows: '.series-list li' },
  { area: 'comments', rows: '[role="listbox"] [role="option"]:not(.crow--loading)' },
  // A post on the month's grid or in the tray of drafts with no date (the data set leaves one in ten undated).
  { area: 'planning', rows: '.plan-chip' },
] as const;

/** Opens url in a fresh context; ms from navigation start to the first frame with a match for `rows`, and the page's HTML then. */
async function openCold(browser: Browser, url: string, rows: string, snapshot = false): Promise<{ ms: number; html: string }> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), rows, { polling: 'raf', timeout: 30_000 });
    const ms = (await shown.jsonValue()) as number;
    const html = snapshot ? await page.evaluate(() => document.documentElement.outerHTML) : '';
    return { ms, html };
  } finally {
    await context.close();
  }
}

/**
 * The rows as the app drew them, as a page without script: scripts, module preloads and the CSP
 * meta (which would block the style attributes React set through the DOM) are dropped; the
 * style sheets stay, served from the same renderer folder.
 */
function staticCopy(html: string): string {
  return `<!doctype html>\n${html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
    .replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/gi, '')}`;
}

export const coldOpen: Scenario = {
  name: 'cold-open',
  title: 'a new window straight on each area -> its first rows shown (Chromium, browser mode)',
  async run(ctx) {
    const [cli, renderer, browser] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser()]);
    const servers: AppServer[] = [];
    try {
      const full = await startApp(cli, renderer, copyDataset(ctx.data, 'cold-open'));
      servers.push(full);
      const small = await startApp(cli, renderer, oneDraftDatabase(ctx.data, 'cold-open-one-draft'));
      servers.push(small);
      // One open per area first: warms the servers' statements and the OS file cache, and
      // gives the rows for each area's static page.
      const pages: Record<string, string> = {};
      for (const a of COLD_AREAS) {
        await openCold(browser, `${small.url}#/${a.area}`, a.rows);
        pages[`/cold-${a.area}.html`] = staticCopy((await openCold(browser, `${full.url}#/${a.area}`, a.rows, true)).html);
      }
      const statics = await serveStatic(renderer, pages);
      try {
        const repeats = ctx.sizes.name === 'full' ? 2 * ctx.sizes.repeats : ctx.sizes.repeats;
        const times = Object.fromEntries(COLD_AREAS.map((a) => [a.area, { ours: [] as number[], small: [] as number[], page: [] as number[] }]));
        // Interleaved, so a busy moment on the shared machine hits all three alike.
        for (let i = 0; i < repeats; i++)
          for (const a of COLD_AREAS) {
            const t = times[a.area];
            t.ours.push((await openCold(browser, `${full.url}#/${a.area}`, a.rows)).ms);
            t.small.push((await openCold(browser, `${small.url}#/${a.area}`, a.rows)).ms);
            t.page.push((await openCold(browser, `${statics.url}cold-${a.area}.html`, a.rows)).ms);
          }
        const rows: Row[] = [];
        for (const a of COLD_AREAS) {
          const t = times[a.area];
          ctx.log(`${a.area}: full ${t.ours.map(Math.round).join(', ')} ms; one draft ${t.small.map(Math.round).join(', ')} ms; static page ${t.page.map(Math.round).join(', ')} ms`);
          const ours = p95(t.ours);
          rows.push(
            {
              name: `cold-open ${a.area} p95`,
              unit: 'ms',
              ours,
              baseline: p95(t.small),
              baselineName: 'same open, 1-draft database',
              budget: `< ${BUDGET_MS} ms`,
              pass: judge(ctx, ours < BUDGET_MS),
            },
            {
              name: `cold-open ${a.area} p95, static floor`,
              unit: 'ms',
              ours,
              baseline: p95(t.page),
              baselineName: 'static page with the same rows, no script',
              budget: 'reported (the floor)',
              pass: null,
            },
          );
        }
        return { status: 'ok', rows, notes: [`${repeats} opens per area and surface, each in a fresh browser context; the server was already running (the start row times the process)`] };
      } finally {
        await statics.close();
      }
    } finally {
      for (const s of servers) await s.stop();
    }
  },
};
