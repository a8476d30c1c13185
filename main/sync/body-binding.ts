/**
 * A draft body's Yjs document read and written without a window: a headless Lexical editor with
 * the draft node set, bound through @lexical/yjs the way the editor's CollaborationPlugin binds it
 * (the document's `root` XmlText). So what main writes is exactly what a window reads, and back.
 *
 * Each call binds a fresh editor to a fresh Y.Doc and feeds it a state: @lexical/yjs only turns
 * Yjs events into Lexical nodes, so a document that already holds a body is read by replaying it.
 */
import type { LexicalEditor, SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { bindHeadlessEditor as bind, type BoundEditor as Bound } from '../../common/editor/headless-binding';
import { $mendMergedCopies, registerCopyMending } from '../../common/editor/merged-copies';
import { plainBodyJson } from './body-json';
import { $reconcileRoot } from './body-reconcile';

/** Loads a state (a whole document as one update) into a bound editor and waits for Lexical to have it. */
function load(b: Bound, state: Uint8Array | null): void {
  if (state) Y.applyUpdate(b.doc, state);
  // read() commits the update the Yjs observer queued.
  b.editor.read(() => undefined);
}

/** True when the document holds no body yet (never seeded). */
export function isEmptyBody(doc: Y.Doc): boolean {
  return doc.get('root', Y.XmlText).length === 0;
}

/**
 * The body a document holds, as the editor would serialize it. Words two members' edits doubled
 * in a merge (merged-copies.ts) are read once, as a window would mend them: the projection into
 * the posts row and every export read the merged text even when no window has opened the draft.
 */
export function readBody(state: Uint8Array): SerializedEditorState {
  const b = bind();
  try {
    load(b, state);
    b.editor.update(() => void $mendMergedCopies(), { discrete: true });
    return b.editor.getEditorState().toJSON();
  } finally {
    b.doc.destroy();
  }
}

/** The body a live document holds: read straight from its Yjs tree where it can be (body-json.ts), else replayed into an editor. */
export function readDocBody(doc: Y.Doc): SerializedEditorState {
  return plainBodyJson(doc) ?? readBody(Y.encodeStateAsUpdate(doc));
}

/**
 * The Yjs update that turns a document in state `base` (null: an empty document) into `target`,
 * changing only the blocks, and within them the words, that differ. Applied to a document that
 * has moved on since `base`, it merges with those changes like any offline edit.
 */
export function editFrom(base: Uint8Array | null, target: SerializedEditorState): Uint8Array {
  const b = bind();
  try {
    load(b, base);
    const before = Y.encodeStateVector(b.doc);
    const current = b.editor.getEditorState().toJSON().root;
    // Through the editor first, so the target has exactly the fields the editor serializes.
    const wanted = b.editor.parseEditorState(JSON.stringify(target)).toJSON().root;
    b.editor.update(() => $reconcileRoot(current, wanted), { discrete: true });
    return Y.encodeStateAsUpdate(b.doc, before);
  } finally {
    b.doc.destroy();
  }
}

/**
 * A headless editor kept bound to a body document, as a window's editor is: its edits go into the
 * document under `origin` (not main's LOCAL, so the projection follows them like a window's), and
 * the document's other changes come back into it. For main's many-edit writers and their tests.
 */
export function bindEditor(target: Y.Doc, origin: unknown = 'headless-editor'): { editor: LexicalEditor; close(): void } {
  const b = bind();
  // As a window's editor does: what a merge doubles is mended, and its own format cuts stamped.
  const unmend = registerCopyMending(b.editor);
  const fromTarget = Symbol('from-target');
  load(b, Y.encodeStateAsUpdate(target));
  const out = (update: Uint8Array, o: unknown) => {
    if (o === b.binding) Y.applyUpdate(target, update, origin);
  };
  const back = (update: Uint8Array, o: unknown) => {
    if (o !== origin) Y.applyUpdate(b.doc, update, fromTarget);
  };
  b.doc.on('update', out);
  target.on('update', back);
  return {
    editor: b.editor,
    close() {
      unmend();
      target.off('update', back);
      b.doc.destroy();
    },
  };
}
