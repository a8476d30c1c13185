// @vitest-environment jsdom
/**
 * The co-editing binding as a development build runs it: React's StrictMode mounts every effect,
 * unmounts it and mounts it again. Two windows, each a real Lexical editor with CoEditPlugin, on a
 * real Hocuspocus server over real WebSockets.
 */
import { createElement, StrictMode, useRef, type RefObject } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { LexicalCollaboration, useCollaborationContext } from '@lexical/react/LexicalCollaborationContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DRAFT_NODES } from '../../../common/editor/nodes';
import { CoEditPlugin, type CoEditSettings } from './CoEditPlugin';

let server: Server;
beforeEach(async () => {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
});
afterEach(() => server.destroy());

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const DOC_NAME = 'body/0190a0b2-7c1d-7000-8000-000000000001';

interface Window {
  root: Root;
  host: HTMLElement;
  editor: RefObject<LexicalEditor | null>;
  /** Renders the window again (as any state change above the editor does), nothing else changed. */
  rerender(): void;
  /** The window's Y.Doc for the body, once the binding made it. */
  doc: () => Y.Doc | undefined;
}

function openWindow(member: string, strict = true): Window {
  const settings: CoEditSettings = {
    docName: DOC_NAME,
    secret: 'per-launch secret',
    url: `ws://127.0.0.1:${server.address.port}`,
    member: { id: member, name: member },
    colour: '#1f6feb',
    readOnly: false,
    role: 'editor',
  };
  const editor: RefObject<LexicalEditor | null> = { current: null };
  let docMap: Map<string, Y.Doc> | undefined;
  function DocProbe() {
    docMap = useCollaborationContext().yjsDocMap;
    return null;
  }
  function Draft(_: { render: number }) {
    const cursorsRef = useRef<HTMLDivElement>(null);
    return createElement(
      LexicalCollaboration,
      null,
      createElement(
        LexicalComposer,
        { initialConfig: { namespace: 'draft', nodes: DRAFT_NODES, editorState: null, onError: (e: Error) => { throw e; } } },
        createElement(CoEditPlugin, { settings, cursorsRef }),
        createElement(RichTextPlugin, { contentEditable: createElement(ContentEditable, { 'aria-label': 'Draft text' }), ErrorBoundary: LexicalErrorBoundary }),
        createElement('div', { ref: cursorsRef }),
        createElement(EditorRefPlugin, { editorRef: editor }),
        createElement(DocProbe),
      ),
    );
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let render = 0;
  const draw = () => {
    const draft = createElement(Draft, { render: ++render });
    root.render(strict ? createElement(StrictMode, null, draft) : draft);
  };
  draw();
  return { root, host, editor, rerender: draw, doc: () => docMap?.get(DOC_NAME) };
}

it('under StrictMode, what one window types reaches the other, and closing both lets go of the stream', async () => {
  const a = openWindow('Ann');
  const b = openWindow('Ed');
  await until('both windows on the stream', () => server.hocuspocus.getConnectionsCount() === 2);
  await until('window A bound', () => a.editor.current !== null);
  a.editor.current!.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Typed in window A'))));
  // Before: StrictMode's remount destroyed the provider CollaborationPlugin kept, so neither window ever synced.
  await until('window B shows what A typed', () => (b.host.textContent ?? '').includes('Typed in window A'));
  a.root.unmount();
  b.root.unmount();
  await until('both providers gone after the real unmount', () => server.hocuspocus.getConnectionsCount() === 0);
});

it('a window rendered again once its stream is up stays on it, and hears what another types', async () => {
  const a = openWindow('Ann', false);
  await until('window A on the stream', () => server.hocuspocus.getConnectionsCount() === 1);
  await until('window A bound', () => a.editor.current !== null);
  // Before: each render handed Lexical a new awareness object, so its provider effect disconnected
  // (deferred until the connection was up) and connected again, which did nothing while the socket
  // was still open; the deferred disconnect then left the window off the stream for good.
  a.rerender();
  await new Promise((r) => setTimeout(r, 300));
  const b = openWindow('Ed', false);
  await until('window B bound', () => b.editor.current !== null && server.hocuspocus.getConnectionsCount() === 2);
  b.editor.current!.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Typed in window B'))));
  await until('window A shows what B typed', () => (a.host.textContent ?? '').includes('Typed in window B'));
  a.root.unmount();
  b.root.unmount();
});

it('applies a burst of remote changes in one go per frame, not one Yjs transaction and Lexical update each', async () => {
  const a = openWindow('Ann');
  await until('window A bound', () => a.editor.current !== null && server.hocuspocus.getConnectionsCount() === 1);
  a.editor.current!.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Start'))));
  const b = openWindow('Ed');
  await until('window B shows the paragraph', () => (b.host.textContent ?? '').includes('Start'));
  // A colleague's client straight on the server, as a fast typist's or a reconnected laptop's changes arrive.
  const doc = new Y.Doc();
  const colleague = new HocuspocusProvider({ url: `ws://127.0.0.1:${server.address.port}`, name: DOC_NAME, document: doc });
  await until('the colleague synced', () => colleague.synced);
  const paragraph = (doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>).find((d) => d.insert instanceof Y.XmlText)!.insert as Y.XmlText;
  // Updates B's provider took off the stream, against those B's document applied.
  const bDoc = b.doc()!;
  let messages = 0;
  const receive = HocuspocusProvider.prototype.onMessage;
  HocuspocusProvider.prototype.onMessage = function (this: HocuspocusProvider, event: MessageEvent) {
    if (this.document === bDoc) messages++;
    receive.call(this, event);
  };
  let updates = 0;
  bDoc.on('update', () => void updates++);
  const BURST = 150;
  try {
    // One insertion a task, as a colleague's typing comes: the server relays each on its own.
    for (let i = 0; i < BURST; i++) {
      paragraph.insert(paragraph.length, 'x');
      await new Promise((r) => setTimeout(r, 1));
    }
    const want = `Start${'x'.repeat(BURST)}`;
    await until('window B shows the whole burst', () => (b.host.textContent ?? '').includes(want));
  } finally {
    HocuspocusProvider.prototype.onMessage = receive;
  }
  // Before, one update of B's document (and one Lexical update) per message. Held until the frame
  // (jsdom draws none: 100 ms at most), several messages go in at once.
  expect(messages).toBeGreaterThan(10);
  expect(updates).toBeLessThanOrEqual(messages / 3);
  colleague.destroy();
  a.root.unmount();
  b.root.unmount();
});
