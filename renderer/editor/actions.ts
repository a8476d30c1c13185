/** What each toolbar button and shortcut does, in one place so both behave identically. */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { $blockTypeAtSelection, $setBlockType } from './block-format';
import { INSERT_RULE_COMMAND, NOTE_COMMAND, OPEN_DIALOG_COMMAND, SUGGESTION_MODE_COMMAND } from './commands';
import type { ShortcutAction } from './shortcuts';
import { insertTable } from './table/table-actions';
import { heldBack } from './suggestions/guest-limits';

export function runAction(editor: LexicalEditor, action: ShortcutAction): void {
  // A guest author's window would only be refused the change (suggestions/guest-limits.ts).
  if (heldBack(action)) return;
  switch (action) {
    case 'bold':
    case 'italic':
    case 'underline':
    case 'strikethrough':
    case 'code':
    case 'subscript':
    case 'superscript':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, action);
      return;
    case 'paragraph':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'quote':
    case 'pullquote':
      editor.update(() => {
        // Choosing the type the block already has turns it back into a paragraph.
        $setBlockType($blockTypeAtSelection() === action ? 'paragraph' : action);
      });
      return;
    case 'bullet':
    case 'number': {
      const current = editor.getEditorState().read(() => $blockTypeAtSelection());
      if (current === action) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else editor.dispatchCommand(action === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    case 'rule':
      editor.dispatchCommand(INSERT_RULE_COMMAND, undefined);
      return;
    case 'table':
      insertTable(editor);
      return;
    case 'link':
    case 'image':
    case 'footnote':
    case 'find':
    case 'replace':
      editor.dispatchCommand(OPEN_DIALOG_COMMAND, action);
      return;
    case 'note':
      editor.dispatchCommand(NOTE_COMMAND, 'add');
      return;
    case 'nextNote':
      editor.dispatchCommand(NOTE_COMMAND, 'next');
      return;
    case 'prevNote':
      editor.dispatchCommand(NOTE_COMMAND, 'prev');
      return;
    case 'suggest':
      editor.dispatchCommand(SUGGESTION_MODE_COMMAND, undefined);
      return;
    case 'undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      return;
    case 'redo':
      editor.dispatchCommand(REDO_COMMAND, undefined);
      return;
  }
}
