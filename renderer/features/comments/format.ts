import type { CommentStatus } from '../../../common/domain';
import { formatTimestamp } from '../../format/dates';
import { downloadBlob } from '../../shell/download';

export const STATUS_LABEL: Record<CommentStatus, string> = { approved: 'Approved', pending: 'Pending', spam: 'Spam', trash: 'Trash' };

export function formatDate(iso: string | null): string {
  return iso ? formatTimestamp(iso) : 'no date';
}

/** The deepest indentation shown; deeper replies say so and are followed with "Follow thread". */
export const MAX_INDENT = 5;

export function download(fileName: string, mime: string, text: string): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}
