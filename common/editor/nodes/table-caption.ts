/**
 * A table's caption. @lexical/table has no caption node, so the caption is node state on the
 * TableNode: Lexical keeps it through clones, undo and copy, and serializes it as `$.caption`.
 * The editor shows it above the table; the exporter writes it as <caption>.
 */
import { $getState, $setState, createState } from 'lexical';
import type { TableNode } from '@lexical/table';
import { MAX_CAPTION_LENGTH } from '../table-shape';

export const TABLE_CAPTION = createState('caption', {
  parse: (v) => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, MAX_CAPTION_LENGTH) : ''),
});

export function $getTableCaption(table: TableNode): string {
  return $getState(table, TABLE_CAPTION);
}

export function $setTableCaption(table: TableNode, caption: string): void {
  $setState(table, TABLE_CAPTION, caption.replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTION_LENGTH));
}
