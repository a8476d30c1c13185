// @vitest-environment jsdom
/**
 * The co-editing binding as a development build runs it: React's StrictMode mounts every effect,
 * unmounts it and mounts it again. Two windows, each a real Lexical editor with CoEditPlugin, on a
 * real Hocuspocus server over real WebSockets.
 */
import { createElement, StrictMode, useRef, type RefObject } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { Server } from '@hocuspocus/server';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, it } from 'vitest';
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

interface Window {
  root: Root;
  host: HTMLElement;
  editor: RefObject<LexicalEditor | null>;
}

function openWindow(member: string): Window {
  const settings: CoEditSettings = {
    docName: 'body/0190a0b2-7c1d-7000-8000-000000000001',
    secret: 'per-launch secret',
    url: `ws://127.0.0.1:${server.address.port}`,
    member: { id: member, name: member },
    colour: '#1f6feb',
    readOnly: false,
    role: 'editor',
  };
  const editor: RefObject<LexicalEditor | null> = { current: null };
  function Draft() {
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
      ),
    );
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(createElement(StrictMode, null, createElement(Draft)));
  return { root, host, editor };
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
