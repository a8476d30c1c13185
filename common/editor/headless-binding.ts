/**
 * A headless Lexical editor with the draft node set bound to a fresh Y.Doc through @lexical/yjs,
 * the way the window's CollaborationPlugin binds it (the document's `root` XmlText): what it
 * writes is exactly what a window reads, and back. Main reads and writes bodies with it; the
 * tests of the server's body rules make real editors' updates with it.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { DRAFT_NODES } from './nodes';

/** No carets: an awareness with no local state makes the binding skip cursor work. */
export const NO_CURSORS: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

export interface BoundEditor {
  doc: Y.Doc;
  editor: LexicalEditor;
  binding: Binding;
}

/** gc: whether Yjs may drop deleted content (tests of merges do not need it kept). */
export function bindHeadlessEditor({ gc = false }: { gc?: boolean } = {}): BoundEditor {
  const doc = new Y.Doc({ gc });
  const editor = createHeadlessEditor({
    namespace: 'draft-body',
    nodes: DRAFT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const binding = createYjsBinding({ editor, id: 'body', doc, docMap: new Map([['body', doc]]) });
  binding.root.getSharedType().observeDeep((events, tx) => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, NO_CURSORS, events as never, false, () => undefined);
  });
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, NO_CURSORS, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  return { doc, editor, binding };
}
