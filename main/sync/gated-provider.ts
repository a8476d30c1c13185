/**
 * A Hocuspocus provider that waits its turn to authenticate.
 *
 * One laptop holds a few documents per post over one WebSocket: thousands for a large workspace.
 * Hocuspocus 4's server closes a connection that has more than `maxPendingDocuments` (100)
 * documents waiting for authentication at once (4205 "Reset Connection"; a guard against an
 * unauthenticated client fanning out). A stock provider sends its token the moment the socket
 * opens, so a store with more than about 30 posts opened them all at once, was reset, reconnected,
 * did the same again, and never finished its first sync. Here each document takes a slot of a
 * shared gate before it sends its token and first sync step, and gives it back once the server has
 * answered (or the socket closed), so no more than `limit` are ever pending.
 *
 * Until its handshake has started on the current connection a provider sends nothing: an update
 * made meanwhile reaches the server through the handshake (the server's sync step 1 is answered
 * with everything it lacks), and the server never holds a queue for a document it has not
 * authenticated.
 */
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';

/** Hocuspocus' message type for the Yjs sync protocol (its MessageType.Sync). */
const SYNC = 0;

/** The update a message carries when it is a sync step 2 (the server's whole answer), else undefined. */
function syncStep2Of(data: unknown): Uint8Array | undefined {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined;
  if (!bytes) return undefined;
  const d = decoding.createDecoder(bytes);
  decoding.readVarString(d); // the document's name
  if (decoding.readVarUint(d) !== SYNC || decoding.readVarUint(d) !== messageYjsSyncStep2) return undefined;
  return decoding.readVarUint8Array(d);
}

/** Comfortably below the server's default of 100 pending documents per connection. */
export const PENDING_AUTH_LIMIT = 32;

export class AuthGate {
  private busy = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly limit = PENDING_AUTH_LIMIT) {}

  /** Resolves with a release function once a slot is free; release is idempotent. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.busy++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.busy--;
          this.queue.shift()?.();
        });
      };
      if (this.busy < this.limit) grant();
      else this.queue.push(grant);
    });
  }

  /** Documents waiting for a slot (not counting those holding one). */
  get waiting(): number {
    return this.queue.length;
  }
}

export class GatedProvider extends HocuspocusProvider {
  private readonly gate: AuthGate;
  /** Bumped by every close, so a slot granted after the socket closed is handed straight back. */
  private connection = 0;
  private handshakeStarted = false;
  private release: () => void = () => undefined;

  constructor(configuration: HocuspocusProviderConfiguration, gate: AuthGate) {
    // No awareness: nobody shows cursors on these documents, and each awareness instance renews
    // itself every 15 s, a message per document that thousands of documents cannot afford.
    super({ ...configuration, awareness: null });
    this.gate = gate;
    const done = () => this.release();
    this.on('authenticated', done);
    this.on('authenticationFailed', done);
  }

  /**
   * Set by a one-off sync: a document's first state (the server's sync step 2 into a document that
   * holds nothing yet) is handed here with the function that applies it, to be stored as received.
   */
  firstState?: (update: Uint8Array, apply: () => void) => void;

  override onMessage(event: MessageEvent): void {
    const update = this.firstState && this.document.store.clients.size === 0 ? syncStep2Of(event.data) : undefined;
    if (!update) return super.onMessage(event);
    this.firstState!(update, () => super.onMessage(event));
  }

  override async onOpen(event: Event): Promise<void> {
    const connection = this.connection;
    const release = await this.gate.acquire();
    if (connection !== this.connection || !this.isAttached) return release();
    this.release = release;
    this.handshakeStarted = true;
    await super.onOpen(event);
  }

  override send(...args: Parameters<HocuspocusProvider['send']>): void {
    if (this.handshakeStarted) super.send(...args);
  }

  override onClose(): void {
    this.connection++;
    this.handshakeStarted = false;
    this.release();
    super.onClose();
  }

  override destroy(): void {
    this.connection++;
    this.release();
    // Detaching sends the server a Close for this document (so it can unload it): it must still
    // pass send() when the handshake had started.
    super.destroy();
    this.handshakeStarted = false;
  }
}
