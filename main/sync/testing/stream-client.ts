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

/**
 * `attempts`: connections the socket may make (more than one: it reconnects when the stream resets
 * it). `attach: false` leaves the provider for the caller to attach (`provider.attach()`), so a
 * test can open the document at a moment of its choosing on a socket already connected.
 */
export function streamClient(url: string, name: string, token: string, origin: string, attempts = 1, attach = true): StreamClient & { socket: HocuspocusProviderWebsocket } {
  class PageSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { origin });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: PageSocket, maxAttempts: attempts, delay: 20, minDelay: 20, maxDelay: 200 });
  const failures: string[] = [];
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onAuthenticationFailed: ({ reason }) => failures.push(reason) });
  if (attach) provider.attach();
  return {
    socket,
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
