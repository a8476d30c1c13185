import { useCallback, useEffect, useState } from 'react';
import { COMMAND_PRIORITY_EDITOR, type BaseSelection, type LexicalEditor } from 'lexical';
import { currentSelection } from './current-selection';
import { OPEN_DIALOG_COMMAND, type EditorDialog } from '../commands';
import { rangeBox, selectionRange } from '../popover/usePlacement';

/**
 * A toolbar dialog's open state, opened by its button or its shortcut. The editor's selection is
 * remembered at opening, because typing in the dialog moves focus out of the text; so is where
 * it stands on screen (a live Range), for the pop-over to open beside it.
 */
export function useDialogCommand(editor: LexicalEditor, dialog: EditorDialog) {
  const [open, setOpen] = useState(false);
  const [selection, setSelection] = useState<BaseSelection | null>(null);
  const [range, setRange] = useState<Range | null>(null);
  const show = () => {
    setSelection(currentSelection(editor));
    setRange(selectionRange(editor.getRootElement()));
    setOpen(true);
  };
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_DIALOG_COMMAND,
        (which) => {
          if (which !== dialog) return false;
          setSelection(currentSelection(editor));
          setRange(selectionRange(editor.getRootElement()));
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
  // Without a caret in the text (the button pressed before any click in it), the text's top edge.
  const anchor = useCallback(() => (range ? rangeBox(range) : null) ?? textTop(editor), [range, editor]);
  return { open, show, close, selection, anchor };
}

function textTop(editor: LexicalEditor) {
  const r = editor.getRootElement()?.getBoundingClientRect();
  return r ? { top: r.top, left: r.left, bottom: r.top + 24, right: r.right } : null;
}
