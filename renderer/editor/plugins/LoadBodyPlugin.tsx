import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/react/LexicalHistoryPlugin';
import type { LexicalEditor } from 'lexical';
import type { EditorState } from '../../../common/domain';
import type { SerializedEditorState } from '../../../common/editor/serialized';
import { shapeTables } from '../../../common/editor/table-shape';

interface Props {
  body: EditorState;
  /** The history the HistoryPlugin after this one will use: it starts at the loaded body. */
  history: HistoryState;
  /** The stored body could not be read; the editor is locked so nothing empty is saved over it. */
  onError: (message: string) => void;
}

/**
 * Loads the stored body once the plugins placed before it have registered. Registering a node
 * transform marks every node of its type dirty; on an empty editor that is free, on a loaded
 * 36,000-word draft the list plugin alone re-ran and re-reconciled every list for ~100 ms before
 * the draft could be edited. Loading is not a change to save (tag draft-load) and not a step to
 * undo: the history starts at the loaded body. (It used to be cleared with CLEAR_HISTORY_COMMAND,
 * but a command is an editor update of its own, and every update reads the DOM selection, which
 * forced a layout of the whole just-loaded draft inside this task: on the 36,000-word draft,
 * most of what opening it cost beyond the bare Lexical page.)
 */
export function LoadBodyPlugin({ body, history, onError }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    try {
      // Tables are shaped first: Lexical maps cells by their spans as given, and a stored span of
      // a billion columns would hang it. A body without tables is passed on as the same object.
      const shaped = shapeTables(body as unknown as SerializedEditorState).body;
      // parseEditorState takes the object as it came from posts.get: no stringify and re-parse of a 650 KB body.
      const state = editor.parseEditorState(shaped as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
      editor.setEditorState(state, { tag: 'draft-load' });
      Object.assign(history, { current: { editor, editorState: editor.getEditorState() }, undoStack: [], redoStack: [] });
    } catch (e) {
      editor.setEditable(false);
      onError(`This draft's text could not be loaded (${(e as Error).message}). It is shown read-only; nothing will be saved over it.`);
    }
    // The body is the session's: a new post or a reload mounts a new editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return null;
}
