/**
 * The commands a guest author's editor never runs (guest-limits.ts says why), taken before any
 * other handler: whatever dispatches them (a toolbar control, a shortcut, a plugin, a dialog left
 * open), the text is not changed and the window is never refused an update.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_CRITICAL, FORMAT_ELEMENT_COMMAND, INDENT_CONTENT_COMMAND, KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND, type LexicalCommand } from 'lexical';
import { IMAGE_FILE_COMMAND, INSERT_FOOTNOTE_COMMAND, INSERT_IMAGE_COMMAND, INSERT_RULE_COMMAND, OPEN_DIALOG_COMMAND } from '../commands';
import { isGuestEditor } from './guest-limits';

const HELD_COMMANDS: LexicalCommand<never>[] = [
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  TOGGLE_LINK_COMMAND,
  INSERT_TABLE_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  INSERT_IMAGE_COMMAND,
  INSERT_FOOTNOTE_COMMAND,
  INSERT_RULE_COMMAND,
  IMAGE_FILE_COMMAND,
] as unknown as LexicalCommand<never>[];

/** The dialogs that only change the text's structure; find stays open to a guest. */
const HELD_DIALOGS = new Set(['link', 'image', 'footnote', 'replace', 'caption']);

export function GuestLimitsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        ...HELD_COMMANDS.map((command) => editor.registerCommand(command, () => isGuestEditor(), COMMAND_PRIORITY_CRITICAL)),
        editor.registerCommand(OPEN_DIALOG_COMMAND, (dialog) => isGuestEditor() && HELD_DIALOGS.has(dialog), COMMAND_PRIORITY_CRITICAL),
        // Tab in a list would indent it: for a guest, Tab only moves the focus on, as outside lists.
        editor.registerCommand(KEY_TAB_COMMAND, () => isGuestEditor(), COMMAND_PRIORITY_CRITICAL),
      ),
    [editor],
  );
  return null;
}
