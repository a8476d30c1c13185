import { useEffect, useState } from 'react';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical';
import { $noteAnchors, NO_ANCHORS, type NoteAnchors } from './anchors';

/**
 * The notes' anchors in the editor, re-read a frame after any mark is made, changed or removed
 * (typing inside marked words, deleting them, undo). Typing elsewhere, and opening a draft
 * without notes, cost nothing here.
 */
export function useNoteAnchors(editor: LexicalEditor | null): NoteAnchors {
  const [anchors, setAnchors] = useState<NoteAnchors>(NO_ANCHORS);
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    let idsByKey = new Map<NodeKey, string>();
    const read = () => {
      frame = 0;
      const next = editor.getEditorState().read($noteAnchors);
      idsByKey = new Map(next.marks.map((m) => [m.key, m.ids.join()]));
      setAnchors(next);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    // A mark made or removed, or one whose notes changed, re-reads the order; typing inside noted
    // words only updates its mark, which changes nothing here.
    const changed = (mutations: Map<NodeKey, NodeMutation>) =>
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          const node = $getNodeByKey(key);
          if (mutation !== 'updated' || !$isMarkNode(node) || idsByKey.get(key) !== node.getIDs().join()) return true;
        }
        return false;
      });
    // Initialization reports the marks already there; a body without notes is never walked.
    const stop = editor.registerMutationListener(MarkNode, (mutations) => changed(mutations) && schedule(), { skipInitialization: false });
    return () => {
      stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor]);
  return anchors;
}
