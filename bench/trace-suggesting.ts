/**
 * `node --import tsx bench/trace-suggesting.ts [keys] [rounds]`: a Chromium trace of typing at the
 * end of the long draft, suggesting in the draft under review (the suggestions scenario's) and
 * typing the plain draft, alternated in one run so both meet the same load. Prints, per keystroke,
 * the renderer main thread's time by trace event (PrePaint, Paint, HitTest, style, layout,
 * script): where a suggesting keystroke's extra cost goes, as same-run ratios.
 * BENCH_PROFILE_CSS: a style sheet added to both pages first, to try what a rule costs.
 */
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { copyDataset, ensureData } from './generate/index';
import { startApp, type AppServer } from './lib/app-server';
import { placeCaret, trialCss, typeMeasured } from './lib/browser';
import { reviewedDraftDatabase } from './lib/reviewed-draft-db';
import { p95 } from './lib/stats';
import { typingPlan } from './scenarios/typing';
import { BENCH_ROOT } from './lib/paths';
import { buildCli, buildRenderer } from './lib/builds';
import { FULL } from './lib/sizes';
import { openSurface } from './scenarios/editor-pages';

interface TraceEvent { name: string; ph: string; dur?: number; ts: number; pid: number; tid: number; args?: { name?: string } }

/** The events a keystroke's frame is made of; each is counted only where it is not inside another of them. */
const EVENTS = ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MinorGC', 'MajorGC'];

/** Renderer main-thread milliseconds by event, top-level only (nested events counted in their parent). */
function mainThreadTimes(events: TraceEvent[], keys: number): Map<string, number> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  if (!main) throw new Error('trace: no renderer main thread found');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur && EVENTS.includes(e.name)).sort((a, b) => a.ts - b.ts);
  const sums = new Map<string, number>();
  const frames = new Map<string, number[]>();
  let openUntil = -1;
  for (const e of mine) {
    // Rendering steps are always top-level in a frame; script events nest in each other.
    const rendering = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'].includes(e.name);
    if (!rendering && e.ts < openUntil) continue;
    if (!rendering) openUntil = e.ts + e.dur!;
    const key = rendering ? e.name : 'script (top-level tasks)';
    sums.set(key, (sums.get(key) ?? 0) + e.dur! / 1000);
    if (rendering) (frames.get(e.name) ?? frames.set(e.name, []).get(e.name)!).push(e.dur! / 1000);
  }
  // The steady keystroke against the occasional heavy frame (a panel brought up to date in a pause).
  for (const [name, durs] of frames) {
    durs.sort((a, b) => a - b);
    sums.set(`${name}, median frame`, durs[Math.floor(durs.length / 2)] * keys); // divided by keys again below
    sums.set(`${name}, worst frame`, durs[durs.length - 1] * keys);
  }
  return sums;
}

async function traceTyping(browser: Browser, app: AppServer, suggest: boolean, keys: number): Promise<{ p95: number; perKey: Map<string, number> }> {
  const s = await openSurface(browser, 'app', { app: app.url, pages: '' });
  try {
    await s.page.waitForTimeout(3000);
    if (suggest || process.env.TRACE_PLAIN_CLICK) {
      await s.page.click('[aria-label="Suggestion mode"]');
      await s.page.waitForSelector('[aria-label="Suggestion mode"][aria-pressed="true"]');
    }
    // TRACE_PLAIN_CLICK: the plain draft's pointer rests where the reviewed one's does (on the toggle, turned off again).
    if (!suggest && process.env.TRACE_PLAIN_CLICK) {
      await s.page.click('[aria-label="Suggestion mode"]');
      await s.page.waitForSelector('[aria-label="Suggestion mode"][aria-pressed="false"]');
    }
    await trialCss(s.page);
    await placeCaret(s.page, s.root, 'end');
    const plan = typingPlan(keys, FULL.seed);
    await browser.startTracing(s.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const latencies = await typeMeasured(s.page, plan);
    const buffer = await browser.stopTracing();
    const sums = mainThreadTimes((JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents, keys);
    return { p95: p95(latencies), perKey: new Map([...sums].map(([k, v]) => [k, v / keys])) };
  } finally {
    await s.context.close();
  }
}

const keys = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 2);
const data = ensureData(FULL, (l) => console.error(l));
const buildDir = path.join(BENCH_ROOT, '.data', 'build-trace');
const rendererDir = path.join(buildDir, 'renderer');
const cli = path.join(buildDir, 'main', 'cli.cjs');
await buildRenderer(rendererDir);
await buildCli(cli);
const plain = await startApp(cli, rendererDir, copyDataset(data, 'trace-plain'));
const reviewed = await startApp(cli, rendererDir, reviewedDraftDatabase(data, 'trace-reviewed').file);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const totals = { plain: new Map<string, number>(), reviewed: new Map<string, number>() };
  const p95s = { plain: [] as number[], reviewed: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    for (const draft of ['plain', 'reviewed'] as const) {
      const r = await traceTyping(browser, draft === 'plain' ? plain : reviewed, draft === 'reviewed', keys);
      if (round === 0) continue; // warm-up: the server's first reads, Chromium's code cache
      p95s[draft].push(r.p95);
      for (const [k, v] of r.perKey) totals[draft].set(k, (totals[draft].get(k) ?? 0) + v / rounds);
    }
  }
  const names = [...new Set([...totals.plain.keys(), ...totals.reviewed.keys()])].sort((a, b) => (totals.reviewed.get(b) ?? 0) - (totals.reviewed.get(a) ?? 0));
  console.log(`per keystroke, mean of ${rounds} rounds of ${keys} keys (ms): suggesting in the reviewed draft / typing the plain draft`);
  for (const n of names) {
    const a = totals.reviewed.get(n) ?? 0;
    const b = totals.plain.get(n) ?? 0;
    console.log(`  ${n.padEnd(26)} ${a.toFixed(2).padStart(7)} ${b.toFixed(2).padStart(7)}  ${b ? (a / b).toFixed(2) : '-'}x`);
  }
  console.log(`p95 latency by round: reviewed ${p95s.reviewed.map(Math.round).join(', ')}; plain ${p95s.plain.map(Math.round).join(', ')} ms`);
} finally {
  await browser.close();
  await plain.stop();
  await reviewed.stop();
}
