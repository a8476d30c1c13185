import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { TableNode } from '@lexical/table';
import { $getSelection, $isElementNode, $isRangeSelection, $parseSerializedNode, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type LexicalNode } from 'lexical';
import { shapeTable } from '../../../common/editor/table-shape';
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
            const nodes = $shapeTables($generateNodesFromDOM(editor, doc), doc);
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

/**
 * Pasted tables go through the same shaping as stored ones (spans cut to the grid, ragged rows
 * filled), and get the caption clean-html left on each as data-caption: Lexical's table import
 * has no caption. Returns the nodes with each top-level table replaced by its shaped copy.
 */
function $shapeTables(nodes: LexicalNode[], doc: Document): LexicalNode[] {
  const captions = Array.from(doc.body.querySelectorAll('table')).map((t) => t.getAttribute('data-caption') ?? '');
  let at = 0;
  const shape = (table: TableNode): TableNode => {
    const json = deepJSON(table);
    json.$ = { caption: captions[at++] ?? '' };
    return $parseSerializedNode(shapeTable(json).table as never) as TableNode;
  };
  // The generated nodes are not attached yet: walk them by hand, in document order.
  const walk = (n: LexicalNode): LexicalNode => {
    if (n instanceof TableNode) {
      const shaped = shape(n);
      if (n.getParent()) n.replace(shaped);
      return shaped;
    }
    if ($isElementNode(n)) n.getChildren().forEach(walk);
    return n;
  };
  return nodes.map(walk);
}

function deepJSON(node: LexicalNode): Record<string, unknown> {
  const json = node.exportJSON() as unknown as Record<string, unknown>;
  if ($isElementNode(node)) json.children = node.getChildren().map(deepJSON);
  return json;
}
