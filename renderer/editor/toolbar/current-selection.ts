import { $createRangeSelectionFromDom, $getSelection, type BaseSelection, type LexicalEditor } from 'lexical';

/**
 * The selection the user sees right now. Lexical syncs its selection on the (asynchronous)
 * selectionchange event, so a shortcut pressed right after Shift+Home can arrive before it; when
 * the DOM selection is inside the editor, read it from the DOM instead.
 */
export function currentSelection(editor: LexicalEditor): BaseSelection | null {
  return editor.read(() => {
    const root = editor.getRootElement();
    const dom = typeof window !== 'undefined' ? window.getSelection() : null;
    if (root && dom && dom.anchorNode && root.contains(dom.anchorNode)) {
      const fromDom = $createRangeSelectionFromDom(dom, editor);
      if (fromDom) return fromDom;
    }
    return $getSelection()?.clone() ?? null;
  });
}
