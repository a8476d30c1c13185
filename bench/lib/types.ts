/**
 * What a scenario returns: one or more table rows, each our number beside its baseline's, with
 * the budget that judges them. A scenario whose feature is missing returns `skipped` with what is
 * missing: never a made-up number.
 */
import type { BenchData } from '../generate/index';
import type { Sizes } from './sizes';

export interface Row {
  /** e.g. "typing end p95". */
  name: string;
  unit: 'ms' | 'comments/s' | 'updates/s' | 'MB';
  ours: number;
  baseline: number | null;
  /** Which baseline, in a few words. */
  baselineName: string;
  /** The budget in words, e.g. "<= 1.2x baseline". */
  budget: string;
  /** null when run without budgets (smoke). */
  pass: boolean | null;
  note?: string;
}

/** A part of a scenario whose feature is missing. */
export interface SkippedRow {
  name: string;
  skipped: string;
}

export type ScenarioResult = { status: 'ok'; rows: (Row | SkippedRow)[]; notes?: string[] } | { status: 'skipped'; reason: string };

export interface ScenarioContext {
  sizes: Sizes;
  data: BenchData;
  /** False for the smoke run: rows still get computed, pass stays null. */
  judge: boolean;
  log: (line: string) => void;
  /** Shared, lazily built artefacts (renderer bundle, bare pages, browser). */
  shared: import('./shared').Shared;
}

export interface Scenario {
  name: string;
  title: string;
  run: (ctx: ScenarioContext) => Promise<ScenarioResult>;
}

export function judge(ctx: ScenarioContext, ok: boolean): boolean | null {
  return ctx.judge ? ok : null;
}
