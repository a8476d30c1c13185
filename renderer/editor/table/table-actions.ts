/**
 * What the table tools do, as editor updates on the table around the selection. Each works on
 * the cell the caret is in (or the first cell of a cell selection), so the toolbar and the tests
 * drive the same code.
 */
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $getNodeTriplet,
  $insertTableColumnAtNode,
  $insertTableRowAtSelection,
  $isTableSelection,
  $setTableRowIsHeader,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  INSERT_TABLE_COMMAND,
} from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { $getTableCaption, $setTableCaption } from '../../../common/editor/nodes';

export type TableAction = 'rowAbove' | 'rowBelow' | 'columnLeft' | 'columnRight' | 'deleteRow' | 'deleteColumn' | 'toggleHeaderRow' | 'deleteTable';

/** A new table: three by three with a header row, the caret in its first cell. */
export function insertTable(editor: LexicalEditor): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });
}

function $anchorNode(): LexicalNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection) || $isTableSelection(selection)) return selection.anchor.getNode();
  return null;
}

export function $tableAtSelection(): TableNode | null {
  const node = $anchorNode();
  return node ? ($findMatchingParent(node, (n) => n instanceof TableNode) as TableNode | null) : null;
}

function $cellAtSelection(): TableCellNode | null {
  const node = $anchorNode();
  return node ? ($findMatchingParent(node, (n) => n instanceof TableCellNode) as TableCellNode | null) : null;
}

/** Whether the table's first row is a header row. */
export function $hasHeaderRow(table: TableNode): boolean {
  const first = table.getFirstChild();
  if (!first || !('getChildren' in first)) return false;
  const cells = (first as unknown as { getChildren(): LexicalNode[] }).getChildren();
  return cells.length > 0 && cells.every((c) => c instanceof TableCellNode && (c.getHeaderStyles() & TableCellHeaderStates.ROW) !== 0);
}

export function runTableAction(editor: LexicalEditor, action: TableAction): void {
  editor.update(() => {
    const cell = $cellAtSelection();
    if (!cell) return;
    const [, , table] = $getNodeTriplet(cell);
    switch (action) {
      case 'rowAbove':
      case 'rowBelow':
        $insertTableRowAtSelection(action === 'rowBelow');
        return;
      case 'columnLeft':
      case 'columnRight':
        // Lexical moves the caret to the new column's top cell unless told not to; the writer stays put.
        $insertTableColumnAtNode(cell, action === 'columnRight', false);
        return;
      case 'deleteRow':
        if (table.getChildrenSize() <= 1) return $removeTable(table);
        $deleteTableRowAtSelection();
        return;
      case 'deleteColumn': {
        const row = table.getFirstChild() as unknown as { getChildrenSize(): number } | null;
        if (!row || row.getChildrenSize() <= 1) return $removeTable(table);
        $deleteTableColumnAtSelection();
        return;
      }
      case 'toggleHeaderRow':
        $setTableRowIsHeader(table, 0, !$hasHeaderRow(table));
        return;
      case 'deleteTable':
        $removeTable(table);
        return;
    }
  });
  editor.focus();
}

/** Removing a table leaves the caret in a paragraph where it stood. */
function $removeTable(table: TableNode): void {
  const paragraph = $createParagraphNode();
  table.replace(paragraph);
  paragraph.select();
}

export function readCaption(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const table = $tableAtSelection();
    return table ? $getTableCaption(table) : '';
  });
}

export function setCaption(editor: LexicalEditor, caption: string): void {
  editor.update(() => {
    const table = $tableAtSelection();
    if (table) $setTableCaption(table, caption);
  });
}
