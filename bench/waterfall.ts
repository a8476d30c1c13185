/**
 * `node --import tsx bench/waterfall.ts <renderer dir> [area] [opens]`: the cold open's waterfall as
 * the page records it (Resource Timing of every file and request, the shell's mark, first paint and
 * the first rows), medians over `opens` fresh contexts on the full data set. Shows which request the
 * first rows waited for: under load wall times stretch, but the order and the gaps still say it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { startApp } from './lib/app-server';
import { newPage } from './lib/browser';
import { firstMatchAt } from './lib/first-match';
import { COLD_AREAS } from './scenarios/cold-open';
import { copyDataset, ensureData } from './generate/index';
import { FULL } from './lib/sizes';
import { APP_ROOT, BENCH_ROOT } from './lib/paths';
import { median } from './lib/stats';

const [dir, area = 'drafts', nArg = '5'] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/waterfall.ts <renderer dir> [area] [opens]');
const found = COLD_AREAS.find((a) => a.area === area);
if (!found) throw new Error(`no area ${area}`);
const data = ensureData(FULL);
const benchCli = path.join(BENCH_ROOT, '.data', 'build', 'main', 'cli.cjs');
const cli = fs.existsSync(benchCli) ? benchCli : path.join(APP_ROOT, 'dist', 'main', 'cli.cjs');
const app = await startApp(cli, dir, copyDataset(data, 'waterfall'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
type Entry = { name: string; start: number; end: number };
const runs: Entry[][] = [];
try {
  for (let i = 0; i <= Number(nArg); i++) {
    const { context, page } = await newPage(browser, { selector: found.rows });
    // When React first put anything in the root, and when the rows' element first existed (before its frame).
    await context.addInitScript((rows: string) => {
      const w = window as unknown as { __rootAt?: number; __rowsAt?: number };
      const observer = new MutationObserver(() => {
        if (w.__rootAt === undefined && document.getElementById('root')?.firstChild) w.__rootAt = performance.now();
        if (w.__rowsAt === undefined && document.querySelector(rows)) {
          w.__rowsAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, found.rows);
    await page.goto(`${app.url}#/${area}`, { waitUntil: 'commit' });
    const rows = await firstMatchAt(page, 60_000);
    const entries = await page.evaluate(() => {
      // (No named helper functions in here: tsx's keepNames wrapper does not exist in the page.)
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name.replace(/^.*\/(assets\/)?/, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1'),
        start: r.startTime,
        end: r.responseEnd,
      }));
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const marks = performance.getEntriesByType('mark').map((m) => ({ name: `mark ${m.name}`, start: m.startTime, end: m.startTime }));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const w = window as unknown as { __rootAt?: number; __rowsAt?: number };
      return [{ name: 'root filled', start: w.__rootAt ?? 0, end: w.__rootAt ?? 0 }, { name: 'rows in the DOM', start: w.__rowsAt ?? 0, end: w.__rowsAt ?? 0 }, { name: 'document', start: 0, end: nav.responseEnd }, { name: 'domInteractive', start: nav.domInteractive, end: nav.domInteractive }, ...res, ...marks, { name: 'first paint', start: fcp?.startTime ?? 0, end: fcp?.startTime ?? 0 }];
    });
    await context.close();
    if (i > 0) runs.push([...entries, { name: 'ROWS', start: rows, end: rows }]);
  }
  const names = [...new Set(runs.flatMap((r) => r.map((e) => e.name)))];
  const lines = names.map((n) => {
    const es = runs.map((r) => r.find((e) => e.name === n)).filter((e): e is Entry => !!e);
    return { n, start: median(es.map((e) => e.start)), end: median(es.map((e) => e.end)) };
  });
  for (const l of lines.sort((a, b) => a.start - b.start)) console.log(`${l.start.toFixed(0).padStart(6)} → ${l.end.toFixed(0).padStart(6)}  ${l.n}`);
} finally {
  await browser.close();
  await app.stop();
}
