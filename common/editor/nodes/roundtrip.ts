/** Test helper: JSON -> headless editor state -> JSON, with the draft node set. */
import { createHeadlessEditor } from '@lexical/headless';
import type { SerializedEditorState } from '../serialized';
import { DRAFT_NODES } from './index';

export function roundTrip(state: SerializedEditorState): unknown {
  const editor = createHeadlessEditor({
    namespace: 'roundtrip',
    nodes: DRAFT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}
