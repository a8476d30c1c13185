/**
 * A body document's link to the team server while a window has it open: a Hocuspocus provider
 * with awareness, so that each member's caret and selection (relayed by window-stream.ts from the
 * windows on this laptop) reach the other members, and theirs reach our windows. The background
 * session's providers carry no awareness (thousands of documents cannot each renew a state every
 * 15 s); only the few bodies open in a window do. Main's own awareness state is empty: it is a
 * relay, not a person.
 *
 * It carries carets only: the session's provider already sends every change of the document, and
 * this one sending each keystroke again made the server apply it twice and pass it to every
 * member twice (an echo on each side).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

/** A provider that syncs on connecting (so the server knows it) but leaves sending changes to the session's. */
class PresenceProvider extends HocuspocusProvider {
  override documentUpdateHandler(): void {}
}

interface Held {
  provider: HocuspocusProvider;
  awareness: Awareness;
  holds: number;
}

export class TeamPresence {
  private socket?: HocuspocusProviderWebsocket;
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** Links the document while held; the last release detaches it. */
  hold(name: string, doc: Y.Doc): { awareness: Awareness; onSynced: (listener: () => void) => () => void; release: () => void } {
    let h = this.held.get(name);
    if (!h) {
      this.socket ??= new HocuspocusProviderWebsocket({ url: this.url, WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 5000, factor: 2, maxAttempts: 0 });
      const awareness = new Awareness(doc);
      awareness.setLocalState(null);
      const provider = new PresenceProvider({ websocketProvider: this.socket, name, document: doc, token: this.token, awareness });
      // When its socket closes, the provider drops every state it heard but keeps their clocks; the
      // server sends the same states at the same clocks after reconnecting, which would be ignored
      // (the colleague's caret gone until they move it). Forgetting the clocks lets them back in.
      awareness.on('update', ({ removed }: { removed: number[] }, origin: unknown) => {
        if (origin === provider) for (const c of removed) awareness.meta.delete(c);
      });
      provider.attach();
      h = { provider, awareness, holds: 0 };
      this.held.set(name, h);
    }
    h.holds++;
    let released = false;
    const entry = h;
    return {
      awareness: h.awareness,
      // 'synced' comes again after each reconnection (the provider resets it when its socket closes).
      onSynced: (listener) => {
        entry.provider.on('synced', listener);
        return () => entry.provider.off('synced', listener);
      },
      release: () => {
        if (released) return;
        released = true;
        if (--entry.holds > 0) return;
        entry.provider.destroy();
        this.held.delete(name);
      },
    };
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
    for (const h of this.held.values()) h.provider.destroy();
    this.held.clear();
  }
}
