/**
 * The series plan as CSV (RFC 4180): one row per post in running order, CRLF line endings,
 * fields quoted when they hold a comma, quote or line break. A UTF-8 byte order mark lets
 * spreadsheet apps read accented names correctly, and cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) are prefixed with an apostrophe, so an imported title cannot execute.
 */
import type { SeriesDetail } from '../../common/api/series';

export const CSV_COLUMNS = [
  'position',
  'slug',
  'title',
  'status',
  'guest_authors',
  'planned_date',
  'deadline',
  'delivered_at',
  'word_count',
  'overdue',
  'clash',
  'notice',
] as const;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function seriesPlanCsv(detail: SeriesDetail): string {
  const rows = detail.posts.map((p) => [
    p.position,
    p.slug,
    p.title,
    p.status,
    p.authors.map((a) => a.name).join('; '),
    p.plannedDate,
    p.deadline,
    p.deliveredAt,
    p.wordCount,
    p.overdue,
    p.clash,
    p.notice,
  ]);
  return csvDocument(CSV_COLUMNS, rows);
}

/** A header and rows as one CSV file: BOM, CRLF rows, every field through csvField. */
export function csvDocument(header: readonly string[], rows: readonly (string | number | boolean | null)[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
