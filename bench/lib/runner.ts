/**
 * Runs scenarios in order on one data set, each in isolation (an error in one is reported and
 * the next still runs), and collects their rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_ROOT, ensureData } from '../generate/index';
import { SCENARIOS } from '../scenarios/index';
import { BENCH_ROOT } from './paths';
import { Shared } from './shared';
import type { Sizes } from './sizes';
import type { Outcome } from './table';

export interface RunOptions {
  sizes: Sizes;
  only?: string[];
  judge: boolean;
  log?: (line: string) => void;
  dataRoot?: string;
}

export async function runBench(o: RunOptions): Promise<Outcome[]> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const unknown = (o.only ?? []).filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const chosen = o.only?.length ? SCENARIOS.filter((s) => o.only!.includes(s.name)) : SCENARIOS;
  const root = o.dataRoot ?? DATA_ROOT;
  const data = ensureData(o.sizes, log, root);
  // Bundles must sit inside the app folder: the CLI bundle finds node_modules and package.json from where it is.
  // BENCH_BUILD_DIR (a folder name under bench/.data) keeps two runs in one checkout from rebuilding each other's bundles.
  const buildName = process.env.BENCH_BUILD_DIR || (o.sizes.name === 'full' ? 'build' : `build-smoke-${process.pid}`);
  const buildDir = path.join(BENCH_ROOT, '.data', path.basename(buildName));
  const shared = new Shared(buildDir, log);
  const outcomes: Outcome[] = [];
  // What users run is measured: production builds (Vite builds for development, React's StrictMode
  // and all, whenever NODE_ENV says anything else, and vitest sets it to 'test'), and the app and
  // team server processes the scenarios start, which inherit it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const s of chosen) {
      const t = performance.now();
      const load = os.loadavg()[0];
      log(`\n== ${s.name}: ${s.title} (load average ${load.toFixed(1)})`);
      let result: Outcome['result'];
      try {
        result = await s.run({ sizes: o.sizes, data, judge: o.judge, log: (l) => log(`   ${l}`), shared });
      } catch (err) {
        result = { status: 'error', error: (err as Error).stack ?? String(err) };
        log(`   error: ${(err as Error).stack ?? err}`);
      }
      if (result.status === 'skipped') log(`   skipped: ${result.reason}`);
      outcomes.push({ scenario: s.name, title: s.title, result, seconds: (performance.now() - t) / 1000, load });
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await shared.close();
    if (o.sizes.name !== 'full') fs.rmSync(buildDir, { recursive: true, force: true });
  }
  return outcomes;
}
