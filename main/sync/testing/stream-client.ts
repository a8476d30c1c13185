/**
 * Tests' stand-in for a window's end of the live stream: a Hocuspocus provider on its own socket
 * that presents a page's origin, as a browser (or the desktop app's page) sends it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface StreamClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Why the stream refused the document, if it did. */
  failures: string[];
  /** The body's text as the window's document holds it. */
  text(): string;
  destroy(): void;
}

export function streamClient(url: string, name: string, token: string, origin: string): StreamClient {
  class PageSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { origin });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: PageSocket, maxAttempts: 1 });
  const failures: string[] = [];
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onAuthenticationFailed: ({ reason }) => failures.push(reason) });
  provider.attach();
  return {
    doc,
    provider,
    failures,
    text: () => doc.get('root', Y.XmlText).toString(),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
