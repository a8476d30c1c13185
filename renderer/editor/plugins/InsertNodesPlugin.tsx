import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $insertNodes, $isRangeSelection, COMMAND_PRIORITY_EDITOR } from 'lexical';
import { $createFootnoteNode, $createHorizontalRuleNode, $createImageNode } from '../../../common/editor/nodes';
import { INSERT_FOOTNOTE_COMMAND, INSERT_IMAGE_COMMAND, INSERT_RULE_COMMAND } from '../commands';

/** Inserts images and rules as blocks (splitting the paragraph at the caret) and footnotes inline. */
export function InsertNodesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_IMAGE_COMMAND,
          (payload) => {
            const node = $insertNodeToNearestRoot($createImageNode(payload));
            if (!node.getNextSibling()) node.insertAfter($createParagraphNode());
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_RULE_COMMAND,
          () => {
            const node = $insertNodeToNearestRoot($createHorizontalRuleNode());
            if (!node.getNextSibling()) node.insertAfter($createParagraphNode());
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_FOOTNOTE_COMMAND,
          (note) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            // The reference goes after the selected text, never replacing it.
            if (!selection.isCollapsed()) {
              const end = selection.isBackward() ? selection.anchor : selection.focus;
              selection.anchor.set(end.key, end.offset, end.type);
              selection.focus.set(end.key, end.offset, end.type);
            }
            $insertNodes([$createFootnoteNode(note)]);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}
