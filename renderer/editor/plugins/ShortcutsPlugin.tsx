import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { matchShortcut } from '../shortcuts';
import { runAction } from '../actions';

/** Keyboard shortcuts from the SHORTCUTS table, run before Lexical's own key handling. */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const action = matchShortcut(event);
          if (!action) return false;
          event.preventDefault();
          runAction(editor, action);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
