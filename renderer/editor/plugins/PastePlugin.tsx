import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { cleanPastedHtml } from '../paste/clean-html';

/** Our own copies carry Lexical's JSON; those are trusted and handled by Lexical itself. */
const LEXICAL_MIME = 'application/x-lexical-editor';

/**
 * HTML pastes (Word, Google Docs, web pages) are parsed inertly with DOMParser, cleaned to
 * structure only, and then converted with the node set's importDOM rules.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = (event as ClipboardEvent).clipboardData;
          if (!data || data.types.includes(LEXICAL_MIME) || data.files.length > 0) return false;
          const html = data.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          cleanPastedHtml(doc);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const nodes = $generateNodesFromDOM(editor, doc);
            $insertGeneratedNodes(editor, nodes, selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
