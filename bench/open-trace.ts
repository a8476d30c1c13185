/**
 * `node --import tsx bench/open-trace.ts [rounds]`: the open scenario's two paths (the app's
 * drafts list -> the long draft, and the bare Lexical page), alternated, each under a Chromium
 * trace. Prints, per path, the renderer main thread's CPU time (trace thread time, which a loaded
 * machine inflates far less than wall time) from the click to the editable editor, its long tasks
 * and what was fetched after the click. The first round of each path only warms up.
 */
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { copyDataset, ensureData } from './generate/index';
import { LONG_DRAFT_TITLE } from './generate/dataset';
import { END_MARKER } from './generate/draft';
import { startApp } from './lib/app-server';
import { LEXICAL_ROOT, newPage, timeToEditable } from './lib/browser';
import { BENCH_ROOT } from './lib/paths';
import { Shared } from './lib/shared';
import { FULL } from './lib/sizes';
import { buildRenderer } from './lib/builds';
import { median } from './lib/stats';
import { gotoDraftsList, untilIdle } from './scenarios/editor-pages';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, unknown> }

interface Run { wallMs: number; cpuMs: number; byKind: Map<string, number>; tasks: string[]; fetched: string[] }

const KIND: Record<string, string> = {
  FunctionCall: 'script', BlinkScheduler_PerformMicrotaskCheckpoint: 'script', 'v8.callFunction': 'script', EvaluateScript: 'script', TimerFire: 'script', EventDispatch: 'script', RunMicrotasks: 'script', FireAnimationFrame: 'script', 'v8.compile': 'script', 'v8.compileModule': 'script', 'v8.evaluateModule': 'script', 'V8.Execute': 'script', 'v8.run': 'script',
  UpdateLayoutTree: 'style', ParseAuthorStyleSheet: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint', MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', ParseHTML: 'html',
  ResourceReceivedData: 'network', ResourceFinish: 'network',
};

/** Each task's thread time split by kind (script, style, layout, paint, gc), each event's own time without what is nested in it. */
function cpuByKind(events: TraceEvent[], tasks: TraceEvent[]): Map<string, number> {
  const sums = new Map<string, number>();
  if (!tasks.length) return sums;
  const { pid, tid } = tasks[0];
  const inner = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined && (KIND[e.name] || e.name === 'RunTask'));
  inner.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const taskSet = new Set(tasks);
  const stack: { e: TraceEvent; kind: string; childT: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= until) {
      const top = stack.pop()!;
      const own = (top.e.tdur ?? 0) - top.childT;
      if (top.kind !== 'skip') sums.set(top.kind, (sums.get(top.kind) ?? 0) + own / 1000);
      if (stack.length) stack[stack.length - 1].childT += top.e.tdur ?? 0;
    }
  };
  for (const e of inner) {
    close(e.ts);
    if (e.name === 'RunTask' && !stack.length && !taskSet.has(e)) continue;
    if (!stack.length && e.name !== 'RunTask') continue;
    stack.push({ e, kind: e.name === 'RunTask' ? 'other' : KIND[e.name], childT: 0 });
  }
  close(Infinity);
  return sums;
}

/** Top-level tasks of the page's main thread inside [from, to] (trace microseconds). */
function mainThreadTasks(events: TraceEvent[], from: number, to: number): TraceEvent[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  if (!main) throw new Error('no renderer main thread in the trace');
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && e.ts <= to);
}

/** The heaviest trace events nested in a task, to say what it was. */
function insideOf(events: TraceEvent[], task: TraceEvent): string {
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== task.pid || e.tid !== task.tid || e.ph !== 'X' || e === task || e.ts < task.ts || e.ts > task.ts + (task.dur ?? 0)) continue;
    if (!['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'MinorGC', 'MajorGC', 'ParseHTML', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'ResourceReceivedData', 'v8.parseOnBackground'].includes(e.name)) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
}

async function traced(page: Page, open: () => Promise<number>): Promise<Run> {
  const fetched: string[] = [];
  let clicked = false;
  const onDone = (r: import('@playwright/test').Request) => {
    if (!clicked) return;
    void r.sizes().then((s) => fetched.push(`${path.basename(new URL(r.url()).pathname) || r.url()} ${(s.responseBodySize / 1024).toFixed(0)} KB`), () => undefined);
  };
  page.on('requestfinished', onDone);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await page.evaluate(() => performance.mark('trace-click'));
  clicked = true;
  const wallMs = await open();
  // When the draft's body (posts.get or state.json) was asked for and arrived, from the click.
  const body = await page.evaluate(() => {
    const click = performance.getEntriesByName('trace-click')[0].startTime;
    const r = performance.getEntriesByType('resource').find((e) => /posts\.get|state\.json/.test(e.name)) as PerformanceResourceTiming | undefined;
    return r ? `body asked +${(r.startTime - click).toFixed(0)}, first byte +${(r.responseStart - click).toFixed(0)}, in +${(r.responseEnd - click).toFixed(0)} ms` : 'no body request';
  });
  const buffer = await browser.stopTracing();
  if (process.env.OPEN_TRACE_SAVE) fs.writeFileSync(process.env.OPEN_TRACE_SAVE, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  page.off('requestfinished', onDone);
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
  const marked = mark('trace-click');
  if (marked === undefined) throw new Error('the trace lacks its mark');
  // The open's clock starts at the click (timeToEditable), which comes one round trip after the mark.
  const from = events.find((e) => e.name === 'EventDispatch' && e.ts >= marked && (e.args?.data as { type?: string } | undefined)?.type === 'click')?.ts ?? marked;
  // Up to the frame the editor was found editable in (what comes after, such as the side panels, is not the open's).
  const to = from + wallMs * 1000;
  const tasks = mainThreadTasks(events, from, to);
  const cpuMs = tasks.reduce((s, t) => s + (t.tdur ?? t.dur ?? 0), 0) / 1000;
  const long = tasks
    .filter((t) => (t.dur ?? 0) > 8000)
    .map((t) => `+${((t.ts - from) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms wall, ${((t.tdur ?? 0) / 1000).toFixed(0)} ms cpu (${insideOf(events, t)})`);
  return { wallMs, cpuMs, byKind: cpuByKind(events, tasks), tasks: [body, ...long], fetched };
}

const rounds = Number(process.argv[2] ?? 5);
const only = process.argv[3] as Surface | undefined;
type Surface = 'app' | 'appB' | 'bare';
const data = ensureData(FULL, (l) => console.error(l));
const shared = new Shared(path.join(BENCH_ROOT, '.data', 'build-trace'), (l) => console.error(l));
const [cli, renderer, pages] = await Promise.all([shared.cli(), shared.renderer(), shared.pages(data)]);
const app = await startApp(cli, renderer, copyDataset(data, 'trace'));
// OPEN_TRACE_B_ENV='NAME=value': a second build of the renderer with that variable set while vite
// builds it (a trial of a build option), opened in the same rounds as the first.
const trialEnv = process.env.OPEN_TRACE_B_ENV;
let appB: Awaited<ReturnType<typeof startApp>> | null = null;
if (trialEnv) {
  const [name, value] = trialEnv.split('=');
  process.env[name] = value;
  const dirB = path.join(BENCH_ROOT, '.data', 'build-trace', 'renderer-b');
  await buildRenderer(dirB);
  delete process.env[name];
  appB = await startApp(cli, dirB, copyDataset(data, 'trace-b'));
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const runs: Record<Surface, Run[]> = { app: [], appB: [], bare: [] };
try {
  for (let round = 0; round <= rounds; round++) {
    for (const surface of (only ? [only] : appB ? ['app', 'appB', 'bare'] : ['app', 'bare']) as Surface[]) {
      const { context, page } = await newPage(browser);
      if (surface !== 'bare') await gotoDraftsList(page, (surface === 'app' ? app : appB!).url);
      else {
        await page.goto(`${pages.url}bare-lexical/`);
        await page.waitForSelector('#open');
      }
      await untilIdle(page);
      const run = await traced(page, () =>
        surface !== 'bare' ? timeToEditable(page, { text: LONG_DRAFT_TITLE }, LEXICAL_ROOT, END_MARKER) : timeToEditable(page, { selector: '#open' }, LEXICAL_ROOT, END_MARKER),
      );
      await context.close();
      if (round === 0) continue;
      runs[surface].push(run);
      if (round === rounds) console.log(`${surface}, last round: ${run.wallMs.toFixed(0)} ms wall, ${run.cpuMs.toFixed(0)} ms main-thread CPU\n  tasks over 8 ms:\n    ${run.tasks.join('\n    ')}\n  fetched after the click: ${run.fetched.join(', ')}`);
    }
  }
  const line = (s: Surface) => `${s}: wall ${runs[s].map((r) => r.wallMs.toFixed(0)).join(', ')} (median ${median(runs[s].map((r) => r.wallMs)).toFixed(0)}); main-thread CPU ${runs[s].map((r) => r.cpuMs.toFixed(0)).join(', ')} (median ${median(runs[s].map((r) => r.cpuMs)).toFixed(0)})`;
  for (const s of ['app', 'appB', 'bare'] as const) if (runs[s].length) console.log(line(s));
  for (const s of ['app', 'appB', 'bare'] as const) {
    if (!runs[s].length) continue;
    const kinds = [...new Set(runs[s].flatMap((r) => [...r.byKind.keys()]))].sort();
    console.log(`${s} CPU by kind (median ms): ${kinds.map((k) => `${k} ${median(runs[s].map((r) => r.byKind.get(k) ?? 0)).toFixed(0)}`).join(', ')}`);
  }
  console.log(`ratios app/bare: wall ${(median(runs.app.map((r) => r.wallMs)) / median(runs.bare.map((r) => r.wallMs))).toFixed(2)}, CPU ${(median(runs.app.map((r) => r.cpuMs)) / median(runs.bare.map((r) => r.cpuMs))).toFixed(2)}`);
} finally {
  await browser.close();
  await shared.close();
  await app.stop();
  await appB?.stop();
}
