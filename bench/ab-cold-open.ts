/**
 * `node --import tsx bench/ab-cold-open.ts <old renderer dir> <new renderer dir> [area] [opens]`:
 * an A/B of cold opens for judging a change on a busy machine. The same server binary (the bench's CLI bundle, else dist/main)
 * and data set serve two renderer builds (e.g. `npx vite build --outDir /tmp/new` here and in a
 * checkout of the commit before); opens alternate, and for each the wall time to the area's first
 * rows (recorded in the page: lib/first-match.ts) and the page's main-thread CPU until then (CDP Performance.getMetrics: TaskDuration,
 * ScriptDuration) are taken. CPU time suffers less from other processes than wall time does.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { startApp } from './lib/app-server';
import { newPage } from './lib/browser';
import { firstMatchAt } from './lib/first-match';
import { COLD_AREAS } from './scenarios/cold-open';
import { copyDataset, ensureData } from './generate/index';
import { FULL } from './lib/sizes';
import path from 'node:path';
import { APP_ROOT, BENCH_ROOT } from './lib/paths';
import fs from 'node:fs';

const [oldDir, newDir, area = 'drafts', nArg = '10'] = process.argv.slice(2);
if (!oldDir || !newDir) throw new Error('usage: bench/ab-cold-open.ts <old renderer dir> <new renderer dir> [area] [opens]');
const found = COLD_AREAS.find((a) => a.area === area);
if (!found) throw new Error(`no area ${area}: ${COLD_AREAS.map((a) => a.area).join(', ')}`);
const rows: string = found.rows;
const data = ensureData(FULL);
// The bench's own CLI bundle when a bench run built it, else the one `npm run build` made.
const benchCli = path.join(BENCH_ROOT, '.data', 'build', 'main', 'cli.cjs');
const cli = fs.existsSync(benchCli) ? benchCli : path.join(APP_ROOT, 'dist', 'main', 'cli.cjs');
const A = await startApp(cli, oldDir, copyDataset(data, 'ab-old'));
const B = await startApp(cli, newDir, copyDataset(data, 'ab-new'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const out: Record<string, { ms: number[]; task: number[]; script: number[] }> = { old: { ms: [], task: [], script: [] }, new: { ms: [], task: [], script: [] } };
async function once(url: string) {
  const { context, page } = await newPage(browser, { selector: rows });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}#/${area}`, { waitUntil: 'commit' });
  const ms = await firstMatchAt(page, 60_000);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const m = (n: string) => (metrics.find((x) => x.name === n)?.value ?? 0) * 1000;
  await context.close();
  return { ms, task: m('TaskDuration'), script: m('ScriptDuration') };
}
try {
  await once(A.url); await once(B.url);
  for (let i = 0; i < Number(nArg); i++) for (const [k, s] of [['old', A], ['new', B]] as const) {
    const r = await once(s.url);
    out[k].ms.push(r.ms); out[k].task.push(r.task); out[k].script.push(r.script);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  for (const k of ['old', 'new']) console.log(`${area} ${k}: wall median ${med(out[k].ms).toFixed(0)} ms; main-thread task median ${med(out[k].task).toFixed(0)} ms; script median ${med(out[k].script).toFixed(0)} ms  (n=${out[k].ms.length})`);
} finally {
  await browser.close(); await A.stop(); await B.stop();
}
