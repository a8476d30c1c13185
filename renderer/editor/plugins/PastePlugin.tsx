import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { TableNode } from '@lexical/table';
import { $getSelection, $isElementNode, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type LexicalNode } from 'lexical';
import { $setTableCaption } from '../../../common/editor/nodes';
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
            $captionTables(nodes, doc);
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

/** Lexical's table import has no caption: clean-html left each one on its table as data-caption. */
function $captionTables(nodes: LexicalNode[], doc: Document): void {
  const captions = Array.from(doc.body.querySelectorAll('table')).map((t) => t.getAttribute('data-caption') ?? '');
  const tables: TableNode[] = [];
  // The generated nodes are not attached yet: walk them by hand, in document order.
  const walk = (n: LexicalNode) => {
    if (n instanceof TableNode) tables.push(n);
    else if ($isElementNode(n)) n.getChildren().forEach(walk);
  };
  nodes.forEach(walk);
  tables.forEach((table, i) => {
    if (captions[i]) $setTableCaption(table, captions[i]);
  });
}
