import { useEffect, useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { setScrollableTablesActive, TableNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $getNodeByKey } from 'lexical';
import { $getTableCaption } from '../../../common/editor/nodes';

/**
 * Tables: Lexical's table behaviour (Tab and Shift+Tab between cells, arrows across them, cell
 * selection, merged cells kept) plus what this editor adds: the caption shown above the table
 * and named to assistive technology, and a paragraph after a table so the caret can always
 * leave it.
 */
export function TablesPlugin() {
  const [editor] = useLexicalComposerContext();
  // Before TablePlugin's effect looks: finding the editor not yet scrollable, it runs an editor
  // update to re-render the tables, and every update reads the DOM selection, which forced a style
  // and layout of the page in the very task that then loads the draft's body. The tables render
  // with their scroll wrapper from the first either way.
  useLayoutEffect(() => setScrollableTablesActive(editor, true), [editor]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TableNode, (table) => {
          if (table.getParent()?.getType() === 'root' && !table.getNextSibling()) table.insertAfter($createParagraphNode());
        }),
        editor.registerMutationListener(
          TableNode,
          (mutations) => {
            editor.getEditorState().read(() => {
              for (const [key, kind] of mutations) {
                if (kind === 'destroyed') continue;
                const node = $getNodeByKey<TableNode>(key);
                const dom = editor.getElementByKey(key);
                if (!node || !dom) continue;
                showCaption(dom, $getTableCaption(node));
              }
            });
          },
          { skipInitialization: false },
        ),
      ),
    [editor],
  );
  return <TablePlugin hasCellMerge hasCellBackgroundColor={false} hasTabHandler hasHorizontalScroll />;
}

/** The caption is node state, not a child node: the table element carries it for CSS and for screen readers. */
function showCaption(dom: HTMLElement, caption: string): void {
  if (caption) dom.setAttribute('data-caption', caption);
  else dom.removeAttribute('data-caption');
  const table = dom.tagName === 'TABLE' ? dom : dom.querySelector('table');
  if (!table) return;
  if (caption) table.setAttribute('aria-label', caption);
  else table.removeAttribute('aria-label');
}
