/**
 * Tests' co-editors: headless Lexical editors with the draft node set, each bound to its own Y.Doc
 * through @lexical/yjs exactly as the window's CollaborationPlugin binds it (the `root` XmlText,
 * Y.UndoManager for undo), each syncing through its own Hocuspocus provider with a real server.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createUndoManager, createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding } from '@lexical/yjs';
import type { LexicalEditor, SerializedEditorState } from 'lexical';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { registerCopyMending } from '../../../common/editor/merged-copies';
import { DRAFT_NODES } from '../../../common/editor/nodes';
import { NO_CARETS } from '../../../common/editor/testing/bound-editors';

export interface CoEditor {
  name: string;
  doc: Y.Doc;
  editor: LexicalEditor;
  binding: Binding;
  undo: Y.UndoManager;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Runs a change as a user's edit (synchronously committed, so it is in the Y.Doc on return). */
  edit(fn: () => void): void;
  json(): SerializedEditorState;
  /** Every change of this editor is on the server (the server acknowledged it). */
  flushed(): boolean;
  destroy(): void;
}

/** origin: the page's origin, which a window's socket carries (the window stream checks it). */
export function coEditor(name: string, url: string, docName: string, token: string, origin?: string): CoEditor {
  const doc = new Y.Doc();
  const editor = createHeadlessEditor({
    namespace: name,
    nodes: DRAFT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const binding = createYjsBinding({ editor, id: docName, doc, docMap: new Map([[docName, doc]]) });
  const undo = createUndoManager(binding, binding.root.getSharedType());
  binding.root.getSharedType().observeDeep((events, tx) => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, NO_CARETS, events as never, tx.origin instanceof Y.UndoManager, () => undefined);
  });
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, NO_CARETS, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  // As the window's CoEditPlugin does.
  registerCopyMending(editor);
  class PageSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, origin ? { origin } : {});
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: PageSocket, delay: 100, minDelay: 100, maxDelay: 1000, maxAttempts: 0 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, token });
  provider.attach();
  return {
    name,
    doc,
    editor,
    binding,
    undo,
    provider,
    socket,
    edit(fn) {
      editor.update(fn, { discrete: true });
    },
    json() {
      // A read commits whatever the Yjs observer queued.
      editor.read(() => undefined);
      return editor.getEditorState().toJSON();
    },
    flushed: () => provider.isSynced && provider.unsyncedChanges === 0,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until every editor's changes are on the server and all hold the same document. */
export async function converged(editors: CoEditor[], ms = 20_000): Promise<void> {
  const same = () => {
    if (!editors.every((e) => e.flushed())) return false;
    const first = Y.encodeStateVector(editors[0].doc);
    return editors.every((e) => Buffer.from(Y.encodeStateVector(e.doc)).equals(Buffer.from(first)));
  };
  await until(`${editors.map((e) => e.name).join(', ')} to converge`, same, ms);
}
