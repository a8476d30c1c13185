import { useEffect, useState } from 'react';
import { MarkNode } from '@lexical/mark';
import type { LexicalEditor } from 'lexical';
import { $noteAnchors, NO_ANCHORS, type NoteAnchors } from './anchors';

/**
 * The notes' anchors in the editor, re-read a frame after any mark is made, changed or removed
 * (typing inside marked words, deleting them, undo). Typing elsewhere costs nothing here.
 */
export function useNoteAnchors(editor: LexicalEditor | null): NoteAnchors {
  const [anchors, setAnchors] = useState<NoteAnchors>(NO_ANCHORS);
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setAnchors(editor.getEditorState().read($noteAnchors));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    schedule();
    const stop = editor.registerMutationListener(MarkNode, schedule, { skipInitialization: true });
    return () => {
      stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor]);
  return anchors;
}
