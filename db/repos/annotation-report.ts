/**
 * The annotation report: one row per annotation (post, comment author, comment, span, tag, note,
 * reviewer, time) as CSV for spreadsheets or as a standalone HTML page. Every value is escaped for
 * its format; CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
import type { DB } from '../connection';
import type { AnnotationListItem } from '../../common/api/comments';
import { listAnnotations } from './annotations';
import { findPostRow } from './posts';

const COLUMNS = ['Post', 'Comment author', 'Comment', 'Span', 'Start', 'End', 'Tag', 'Note', 'Reviewer', 'Time'] as const;

function cells(a: AnnotationListItem): string[] {
  return [a.postTitle, a.authorName, a.commentText, a.quote, String(a.start), String(a.end), a.tagName ?? '', a.note, a.reviewer, a.updatedAt];
}

export function csvCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(items: AnnotationListItem[]): string {
  return [COLUMNS.join(','), ...items.map((a) => cells(a).map(csvCell).join(','))].join('\r\n') + '\r\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function toHtml(title: string, items: AnnotationListItem[]): string {
  const head = COLUMNS.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = items.map((a) => `<tr>${cells(a).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const body = items.length
    ? `<table>\n<caption>${items.length} annotation${items.length === 1 ? '' : 's'}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : '<p>No annotations yet.</p>';
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`;
}

export function annotationReport(db: DB, o: { postId?: string; format: 'csv' | 'html' }): { fileName: string; mime: string; text: string } {
  const post = o.postId ? findPostRow(db, { id: o.postId }) : undefined;
  const { items } = listAnnotations(db, { postId: o.postId, limit: 1_000_000 });
  items.reverse(); // oldest first reads as a trail
  const title = post ? `Annotations: ${post.title || post.slug}` : 'Annotations: all posts';
  const base = `annotations-${post ? post.slug : 'all'}`;
  return o.format === 'csv'
    ? { fileName: `${base}.csv`, mime: 'text/csv', text: toCsv(items) }
    : { fileName: `${base}.html`, mime: 'text/html', text: toHtml(title, items) };
}
