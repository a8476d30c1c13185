import type { CommentStatus } from '../../../common/domain';

export const STATUS_LABEL: Record<CommentStatus, string> = { approved: 'Approved', pending: 'Pending', spam: 'Spam', trash: 'Trash' };

export function formatDate(iso: string | null): string {
  if (!iso) return 'no date';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The deepest indentation shown; deeper replies say so and are followed with "Follow thread". */
export const MAX_INDENT = 5;

export function download(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
