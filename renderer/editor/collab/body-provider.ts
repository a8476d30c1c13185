/**
 * The window's end of the live stream (main/sync/window-stream.ts): a Hocuspocus provider on the
 * page's own origin in browser mode (authenticated with the per-launch secret the API calls carry),
 * or on the desktop app's loopback stream server, whose address and secret come through the API.
 */
import { HocuspocusProvider, type HocuspocusProviderConfiguration, type HocuspocusProviderWebsocketConfiguration } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';
import { parseRefusal } from '../../../common/sync/window-refusal';
import { CaretThrottle } from './caret-throttle';
import { FrameBatch, isDocumentUpdate } from './frame-batch';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Lexical listens for `sync` (a boolean), which Hocuspocus calls `synced` ({ state }). */
class StreamProvider extends HocuspocusProvider {
  /** Remote changes held for the next frame (frame-batch.ts), applied as one transaction of this provider's, as each was. */
  private readonly remote = new FrameBatch<MessageEvent>((events) => this.document.transact(() => this.receive(events), this));
  /** This window's caret moves, sent at most every so often (caret-throttle.ts). */
  private readonly carets = new CaretThrottle((updated) => this.sendAwareness({ added: [], updated, removed: [] }, null));

  constructor(configuration: ConstructorParameters<typeof HocuspocusProvider>[0], onRefused?: (reason: string) => void) {
    super(configuration);
    this.on('synced', ({ state }: { state: boolean }) => this.emit('sync', state));
    if (!onRefused) return;
    // Once: every update queued behind the refused one is refused too, and the window resyncs anyway.
    let told = false;
    this.on('stateless', ({ payload }: { payload: string }) => {
      const reason = parseRefusal(payload);
      if (reason === null || told) return;
      told = true;
      onRefused(reason);
    });
  }

  /** Once synced, a document update waits for the frame; any other message first lets the held ones in, keeping their order. */
  override onMessage(event: MessageEvent): void {
    if (this.synced && isDocumentUpdate(event.data as ArrayBuffer)) return this.remote.add(event);
    this.remote.flush();
    super.onMessage(event);
  }

  private receive(events: MessageEvent[]): void {
    for (const event of events) super.onMessage(event);
  }

  /** A state that moved waits; one that appears or goes is sent at once, after the held moves. */
  override awarenessUpdateHandler(change: AwarenessChange, origin: unknown): void {
    if (origin === this) return;
    if (change.added.length === 0 && change.removed.length === 0) return this.carets.add(change.updated);
    this.carets.flush();
    this.sendAwareness(change, origin);
  }

  private sendAwareness(change: AwarenessChange, origin: unknown): void {
    super.awarenessUpdateHandler(change, origin);
  }

  override destroy(): void {
    this.remote.drop();
    this.carets.flush();
    super.destroy();
    this.carets.drop();
  }
}

export interface BodyProvider {
  /** What Lexical's CollaborationPlugin drives (connect, disconnect, awareness). */
  lexical: Provider;
  hocuspocus: HocuspocusProvider;
}

/**
 * Makes the window's Y.Doc for a body (registered in Lexical's doc map) and its provider.
 * `onRefused` hears the stream refuse one of this window's updates (common/sync/window-refusal.ts).
 */
export function createBodyProvider(name: string, secret: string, docMap: Map<string, Y.Doc>, url: string, onRefused?: (reason: string) => void): BodyProvider {
  let doc = docMap.get(name);
  if (!doc) {
    doc = new Y.Doc();
    docMap.set(name, doc);
  }
  // Not connected at construction: Lexical's CollaborationPlugin connects it once bound, and that
  // connect closed the socket opened here before it was established (two sockets per open). The
  // provider hands its whole configuration to the socket it makes, autoConnect included.
  const configuration: HocuspocusProviderConfiguration & Pick<HocuspocusProviderWebsocketConfiguration, 'autoConnect'> = { url, name, document: doc, token: secret, autoConnect: false };
  const hocuspocus = new StreamProvider(configuration, onRefused);
  return { lexical: hocuspocus as unknown as Provider, hocuspocus };
}
