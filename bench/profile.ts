/**
 * `node --import tsx bench/profile.ts <cold-open-drafts|cold-open-series|cold-open-comments|open|open-bare|open-reviewed|suggesting|suggesting-plain|typing-plain|coedit-open|coedit-typing>`:
 * one run of the named path (after one untimed run) with Chromium's CPU profiler on, printing
 * where the page's time went: self time by script and the heaviest functions. Full data set;
 * open-reviewed and suggesting use the long draft under review (the suggestions scenario's), the
 * latter typing 80 keys at its end in suggestion mode; suggesting-plain types them in suggestion
 * mode in the plain draft, typing-plain without it; coedit-open and coedit-typing open and type in
 * the long draft co-edited (a store joined to a real team server, as the coedit scenario's);
 * BENCH_MINIFY=0 builds the bundles unminified, for readable function names; PROFILE_TRACE_SAVE=<file> keeps the
 * Chromium trace, with style and layout invalidations, for DevTools.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { copyDataset, ensureData } from './generate/index';
import { LONG_DRAFT_TITLE } from './generate/dataset';
import { END_MARKER } from './generate/draft';
import { startApp } from './lib/app-server';
import { LEXICAL_ROOT, newPage, placeCaret, timeToEditable, trialCss, typeMeasured } from './lib/browser';
import { reviewedDraftDatabase } from './lib/reviewed-draft-db';
import { p95 } from './lib/stats';
import { typingPlan } from './scenarios/typing';
import { firstMatchAt } from './lib/first-match';
import { BENCH_ROOT } from './lib/paths';
import { buildCli, buildRenderer } from './lib/builds';
import { coEditStores } from './lib/coedit-store';
import { Shared } from './lib/shared';
import { FULL } from './lib/sizes';
import { COLD_AREAS } from './scenarios/cold-open';
import { gotoDraftsList } from './scenarios/editor-pages';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function summarize(p: Profile, top = 18): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byScript = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const script = f.url ? path.basename(f.url.split('?')[0]).replace(/-[\w-]{8}\.js$/, '.js') : `(${f.functionName || 'native'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${script}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const total = (p.endTime - p.startTime) / 1000;
  const fmt = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
  return `profiled ${total.toFixed(0)} ms\nby script:\n${fmt(byScript)}\nheaviest functions (self time):\n${fmt(byFn)}`;
}

interface TraceEvent { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }

/** Main-thread time of the page's renderer by trace event (script, style, layout, paint...), top-level events only. */
function traceSummary(events: TraceEvent[], top = 12): string {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  if (!main) return 'trace: no renderer main thread found';
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    if (!['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'v8.evaluateModule', 'HitTest', 'Commit', 'ScheduleStyleRecalculation'].includes(e.name)) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  // The longest style recalculations and layouts one by one: on a long draft each one is a pass over the whole text.
  const passes = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && (e.dur ?? 0) > 10_000)
    .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`);
  return `style and layout passes over 10 ms, in order: ${passes.join(', ') || 'none'}\nmain thread by trace event (nested events are counted inside their parents too):\n${[...sums].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n')}`;
}

async function profiled<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; profile: Profile; trace: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const invalidations = process.env.PROFILE_TRACE_SAVE ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [];
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', ...invalidations] });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const buffer = await browser.stopTracing();
  if (process.env.PROFILE_TRACE_SAVE) fs.writeFileSync(process.env.PROFILE_TRACE_SAVE, buffer);
  const trace = traceSummary((JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents);
  return { result, profile, trace };
}


const what = process.argv[2] ?? 'open';
const data = ensureData(FULL, (l) => console.error(l));
const buildDir = path.join(BENCH_ROOT, '.data', 'build-profile');
const rendererDir = path.join(buildDir, 'renderer');
const cli = path.join(buildDir, 'main', 'cli.cjs');
await buildRenderer(rendererDir);
await buildCli(cli);
const reviewed = what === 'open-reviewed' || what === 'suggesting';
const coEdited = what.startsWith('coedit-') ? await coEditStores(data.db, path.join(BENCH_ROOT, '.data', 'work', 'coedit-profile')) : null;
const app = coEdited
  ? await startApp(cli, rendererDir, coEdited.onDb, { WORKBENCH_KEY_FILE: coEdited.keyFile })
  : await startApp(cli, rendererDir, reviewed ? reviewedDraftDatabase(data, 'profile').file : copyDataset(data, 'profile'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const shared = new Shared(buildDir, (l) => console.error(l));
try {
  for (let round = 0; round < 2; round++) {
    // Round 0 warms the server and the OS cache; round 1 is the one printed.
    const cold = COLD_AREAS.find((a) => `cold-open-${a.area}` === what);
    const { context, page } = await newPage(browser, cold && { selector: cold.rows });
    let ms: number;
    let profile: Profile;
    let trace: string;
    if (what === 'open' || what === 'open-reviewed' || what === 'coedit-open') {
      await gotoDraftsList(page, app.url);
      await trialCss(page);
      await page.waitForTimeout(500);
      ({ result: ms, profile, trace } = await profiled(page, () => timeToEditable(page, { text: LONG_DRAFT_TITLE }, LEXICAL_ROOT, END_MARKER)));
    } else if (what === 'suggesting' || what === 'suggesting-plain' || what === 'typing-plain' || what === 'coedit-typing') {
      await gotoDraftsList(page, app.url);
      await timeToEditable(page, { text: LONG_DRAFT_TITLE }, LEXICAL_ROOT, END_MARKER);
      await page.waitForTimeout(3000);
      if (what !== 'typing-plain' && what !== 'coedit-typing') {
        await page.click('[aria-label="Suggestion mode"]');
        await page.waitForSelector('[aria-label="Suggestion mode"][aria-pressed="true"]');
      }
      await trialCss(page);
      await placeCaret(page, LEXICAL_ROOT, 'end');
      const plan = typingPlan(80, FULL.seed);
      ({ result: ms, profile, trace } = await profiled(page, async () => p95(await typeMeasured(page, plan))));
    } else if (what === 'open-bare') {
      await page.goto(`${(await shared.pages(data)).url}bare-lexical/`);
      await page.waitForSelector('#open');
      await page.waitForTimeout(500);
      ({ result: ms, profile, trace } = await profiled(page, () => timeToEditable(page, { selector: '#open' }, LEXICAL_ROOT, END_MARKER)));
    } else {
      const area = COLD_AREAS.find((a) => `cold-open-${a.area}` === what);
      if (!area) throw new Error(`unknown path ${what}`);
      // The profiler attaches to a blank page first, then follows the navigation.
      await page.goto('about:blank');
      ({ result: ms, profile, trace } = await profiled(page, async () => {
        await page.goto(`${app.url}#/${area.area}`, { waitUntil: 'commit' });
        return firstMatchAt(page);
      }));
    }
    if (round === 1) {
      console.log(`${what}: ${Math.round(ms)} ms`);
      console.log(trace);
      console.log(summarize(profile));
      const out = path.join(BENCH_ROOT, '.data', `${what}.cpuprofile`);
      fs.writeFileSync(out, JSON.stringify(profile));
      console.log(`(the whole profile: ${out}; open it in Chromium's DevTools, Performance panel)`);
    }
    await context.close();
  }
} finally {
  await shared.close();
  await browser.close();
  await app.stop();
  await coEdited?.stop();
}
