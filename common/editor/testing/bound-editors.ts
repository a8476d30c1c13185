/**
 * For tests: headless editors with the draft node set, each bound through @lexical/yjs to a Y.Doc
 * of its own as the window binds it (with the copy stamping and mending its CoEditPlugin registers), and no
 * network: `exchange` hands each document the other's updates, as a reconnect would.
 */
import type { LexicalEditor, SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { bindHeadlessEditor, NO_CURSORS } from '../headless-binding';
import { registerCopyMending } from '../merged-copies';

/** The binding reads carets from the provider's awareness; test editors show none. */
export const NO_CARETS = NO_CURSORS;

export interface BoundEditor {
  doc: Y.Doc;
  editor: LexicalEditor;
  edit(fn: () => void): void;
  json(): SerializedEditorState;
}

/**
 * clientId: Yjs orders two laptops' inserts at the same place by their client ids, so a test that
 * depends on that order fixes them (by default each document draws its own at random).
 */
export function boundEditor(clientId?: number): BoundEditor {
  const { doc, editor } = bindHeadlessEditor({ gc: true });
  if (clientId !== undefined) doc.clientID = clientId;
  registerCopyMending(editor);
  return {
    doc,
    editor,
    edit: (fn) => editor.update(fn, { discrete: true }),
    json() {
      // A read commits whatever the Yjs observer (or the mending after it) queued.
      editor.read(() => undefined);
      return editor.getEditorState().toJSON();
    },
  };
}

const sameBytes = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i]);

/** Both documents get what the other has, until neither has anything new (mends travel too). */
export function exchange(a: BoundEditor, b: BoundEditor): void {
  for (let round = 0; round < 10; round++) {
    const before = [Y.encodeStateVector(a.doc), Y.encodeStateVector(b.doc)];
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, before[1]));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, before[0]));
    a.json();
    b.json();
    const now = Y.encodeStateVector(a.doc);
    if (sameBytes(now, Y.encodeStateVector(b.doc)) && sameBytes(now, before[0]) && sameBytes(now, before[1])) return;
  }
  throw new Error('the two documents did not settle');
}
