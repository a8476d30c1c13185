import { useEffect, useState } from 'react';
import { COMMAND_PRIORITY_EDITOR, type BaseSelection, type LexicalEditor } from 'lexical';
import { currentSelection } from './current-selection';
import { OPEN_DIALOG_COMMAND, type EditorDialog } from '../commands';

/**
 * A toolbar dialog's open state, opened by its button or its shortcut. The editor's selection is
 * remembered at opening, because typing in the dialog moves focus out of the text.
 */
export function useDialogCommand(editor: LexicalEditor, dialog: EditorDialog) {
  const [open, setOpen] = useState(false);
  const [selection, setSelection] = useState<BaseSelection | null>(null);
  const show = () => {
    setSelection(currentSelection(editor));
    setOpen(true);
  };
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_DIALOG_COMMAND,
        (which) => {
          if (which !== dialog) return false;
          setSelection(currentSelection(editor));
          setOpen(true);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, dialog],
  );
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) editor.focus();
  };
  return { open, show, close, selection };
}
