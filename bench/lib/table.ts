/** The printed table and the Markdown one for the README. */
import type { Row, ScenarioResult, SkippedRow } from './types';

export interface Outcome {
  scenario: string;
  title: string;
  result: ScenarioResult | { status: 'error'; error: string };
  seconds: number;
  /** The machine's 1-minute load average when the scenario started (2 cores: above 2 means contention). */
  load: number;
}

const fmt = (n: number | null, unit: Row['unit']) => {
  if (n === null || Number.isNaN(n)) return '–';
  if (unit === 'comments/s' || unit === 'updates/s') return `${Math.round(n).toLocaleString('en-GB')}/s`;
  if (unit === 'MB') return `${n.toFixed(0)} MB`;
  return `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms`;
};

export function ratio(r: Row): string {
  if (r.baseline === null || !r.baseline) return '–';
  return `${(r.ours / r.baseline).toFixed(2)}x`;
}

const verdict = (r: Row) => (r.pass === null ? '–' : r.pass ? 'pass' : 'FAIL');

export function tableRows(outcomes: Outcome[]): string[][] {
  const rows: string[][] = [];
  for (const o of outcomes) {
    const r = o.result;
    if (r.status === 'skipped') rows.push([o.scenario, `skipped: ${r.reason}`, '', '', '', '', '']);
    else if (r.status === 'error') rows.push([o.scenario, `error: ${r.error.split('\n')[0].slice(0, 140)}`, '', '', '', '', 'FAIL']);
    else
      for (const row of r.rows) {
        if ('skipped' in row) rows.push([row.name, `skipped: ${(row as SkippedRow).skipped}`, '', '', '', '', '']);
        else rows.push([row.name, fmt(row.ours, row.unit), fmt(row.baseline, row.unit), ratio(row), row.baselineName, row.budget, verdict(row)]);
      }
  }
  return rows;
}

const HEAD = ['scenario', 'ours (median unless named)', 'baseline', 'ratio', 'baseline is', 'budget', 'result'];

export function textTable(outcomes: Outcome[]): string {
  const rows = [HEAD, ...tableRows(outcomes)];
  const measured = rows.filter((r) => r[2] !== '' || r[3] !== '');
  const widths = HEAD.map((_, i) => Math.max(...(i === 0 ? rows : measured).map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, n) => {
      const skipped = r[2] === '' && r[3] === '';
      const line = skipped ? `${r[0].padEnd(widths[0])}  ${r[1]}${r[6] ? `  ${r[6]}` : ''}` : r.map((c, i) => c.padEnd(widths[i])).join('  ');
      return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function markdownTable(outcomes: Outcome[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`];
  for (const r of tableRows(outcomes)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

/** What the rows and scenarios say about how they measured, one line each. */
export function noteLines(outcomes: Outcome[]): string[] {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.result.status !== 'ok') continue;
    for (const row of o.result.rows) if ('note' in row && row.note) lines.push(`${row.name}: ${row.note}`);
    for (const n of o.result.notes ?? []) lines.push(`${o.scenario}: ${n}`);
  }
  return lines;
}
