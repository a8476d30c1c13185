import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical';
import type { EditorState } from '../../../common/domain';
import type { SerializedEditorState } from '../../../common/editor/serialized';
import { shapeTables } from '../../../common/editor/table-shape';

interface Props {
  body: EditorState;
  /** The stored body could not be read; the editor is locked so nothing empty is saved over it. */
  onError: (message: string) => void;
}

/**
 * Loads the stored body once the plugins placed before it have registered. Registering a node
 * transform marks every node of its type dirty; on an empty editor that is free, on a loaded
 * 36,000-word draft the list plugin alone re-ran and re-reconciled every list for ~100 ms before
 * the draft could be edited. Loading is not a change to save (tag draft-load) and not a step to
 * undo (the history is cleared after it; setEditorState takes a single tag).
 */
export function LoadBodyPlugin({ body, onError }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    try {
      // Tables are shaped first: Lexical maps cells by their spans as given, and a stored span of
      // a billion columns would hang it. A body without tables is passed on as the same object.
      const shaped = shapeTables(body as unknown as SerializedEditorState).body;
      // parseEditorState takes the object as it came from posts.get: no stringify and re-parse of a 650 KB body.
      const state = editor.parseEditorState(shaped as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
      editor.setEditorState(state, { tag: 'draft-load' });
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    } catch (e) {
      editor.setEditable(false);
      onError(`This draft's text could not be loaded (${(e as Error).message}). It is shown read-only; nothing will be saved over it.`);
    }
    // The body is the session's: a new post or a reload mounts a new editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return null;
}
