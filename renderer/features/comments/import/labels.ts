import type { ImportFormat } from '../../../../common/domain';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  wxr: 'WordPress export (WXR)',
  disqus: 'Disqus export (XML)',
  csv: 'CSV spreadsheet',
  json: 'JSON (from workbench comments --json)',
  text: 'Text copied from a published page',
};

export const CSV_FIELD_LABELS: Record<string, string> = {
  content: 'Comment text',
  author: 'Author name',
  email: 'Email',
  url: 'Website',
  role: 'Role',
  organisation: 'Organisation',
  date: 'Date',
  status: 'Status',
  id: 'Comment id',
  parent: 'Reply to (id)',
  type: 'Type',
  post: 'Post (slug or link)',
};

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}
