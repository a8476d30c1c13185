/**
 * `npm run bench [-- <scenario>...] [--smoke] [--store sqlite|postgres|both]`: runs the scenarios at full size, prints the
 * table and writes bench/results.json (merged per scenario, so one scenario can be re-run).
 * Exits 1 when a budget is missed or a scenario fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BENCH_ROOT } from './lib/paths';
import { runBench } from './lib/runner';
import { FULL, SMOKE } from './lib/sizes';
import { markdownTable, noteLines, textTable, type Outcome } from './lib/table';
import { CHROMIUM } from '../playwright.config';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
// A scenario's own option may take a value (`server-load --store postgres`): that value is not a scenario.
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--store');
const sizes = smoke ? SMOKE : FULL;

const started = Date.now();
const outcomes = await runBench({ sizes, only, judge: !smoke });
const seconds = (Date.now() - started) / 1000;

console.log(`\n${textTable(outcomes)}\n`);
for (const line of noteLines(outcomes)) console.log(`  - ${line}`);
console.log(`${sizes.name} run of ${outcomes.length} scenario(s) in ${seconds.toFixed(0)} s; load average at each scenario's start: ${outcomes.map((o) => `${o.scenario} ${o.load.toFixed(1)}`).join(', ')} (${os.cpus().length} cores)`);

const chromiumVersion = () => {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

if (!smoke) {
  const file = path.join(BENCH_ROOT, 'results.json');
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { scenarios?: Record<string, Outcome & { at: string }> }) : {};
  const scenarios = { ...(previous.scenarios ?? {}) };
  for (const o of outcomes) scenarios[o.scenario] = { ...o, at: new Date().toISOString() };
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMB: Math.round(os.totalmem() / 1e6), node: process.version, chromium: chromiumVersion(), platform: `${os.platform()} ${os.release()}` };
  fs.writeFileSync(file, `${JSON.stringify({ updatedAt: new Date().toISOString(), sizes, machine, scenarios }, null, 2)}\n`);
  // The same table in Markdown, for the README's Performance section.
  const md = path.join(BENCH_ROOT, '.data', 'results.md');
  fs.writeFileSync(md, `${markdownTable(outcomes)}\n\n${noteLines(outcomes).map((l) => `- ${l}`).join('\n')}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)} and ${path.relative(process.cwd(), md)}`);
}

const bad = outcomes.some((o) => o.result.status === 'error' || (o.result.status === 'ok' && o.result.rows.some((r) => 'pass' in r && r.pass === false)));
process.exit(bad ? 1 : 0);
