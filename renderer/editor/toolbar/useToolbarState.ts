import { useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { $isLinkNode } from '@lexical/link';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { $blockTypeAtSelection, type BlockType } from '../block-format';
import { $hasHeaderRow, $tableAtSelection } from '../table/table-actions';

export type TextFormat = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'subscript' | 'superscript';
const FORMATS: TextFormat[] = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'subscript', 'superscript'];

export interface ToolbarState {
  formats: Record<TextFormat, boolean>;
  blockType: BlockType | null;
  linkUrl: string | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The caret is in a table: the table tools show. */
  inTable: boolean;
  headerRow: boolean;
}

const INITIAL: ToolbarState = {
  formats: { bold: false, italic: false, underline: false, strikethrough: false, code: false, subscript: false, superscript: false },
  blockType: 'paragraph',
  linkUrl: null,
  canUndo: false,
  canRedo: false,
  inTable: false,
  headerRow: false,
};

function same(a: ToolbarState, b: ToolbarState): boolean {
  return a.blockType === b.blockType && a.linkUrl === b.linkUrl && a.canUndo === b.canUndo && a.canRedo === b.canRedo && a.inTable === b.inTable && a.headerRow === b.headerRow && FORMATS.every((f) => a.formats[f] === b.formats[f]);
}

/** The toolbar's pressed states, read from the selection only (constant work per update); re-renders only on change. */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState(INITIAL);
  useEffect(() => {
    const patch = (next: Partial<ToolbarState>) => setState((prev) => {
      const merged = { ...prev, ...next };
      return same(prev, merged) ? prev : merged;
    });
    const read = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        const table = $tableAtSelection();
        const tableState = { inTable: table !== null, headerRow: table !== null && $hasHeaderRow(table) };
        if (!$isRangeSelection(selection)) return patch(tableState);
        const formats = Object.fromEntries(FORMATS.map((f) => [f, selection.hasFormat(f)])) as Record<TextFormat, boolean>;
        const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
        patch({ formats, blockType: $blockTypeAtSelection(), linkUrl: $isLinkNode(link) ? link.getURL() : null, ...tableState });
      });
    return mergeRegister(
      editor.registerUpdateListener(read),
      editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (patch({ canUndo }), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (patch({ canRedo }), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);
  return state;
}
