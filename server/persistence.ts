/**
 * Durable documents for Hocuspocus. Yjs emits a document's `update` event synchronously inside
 * the transaction that applies an incoming message, and Hocuspocus sends its SyncStatus
 * acknowledgement only after that call returns. The update is handed to the group commit in that
 * event, which holds every outgoing message until it is on disk (server/group-commit.ts), so every
 * acknowledged update is stored first, which a debounced onStoreDocument alone would not do.
 * onStoreDocument then only compacts.
 */
import * as Y from 'yjs';
import type { Extension, onCreateDocumentPayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type { GroupCommit } from './group-commit';
import type { TeamStore } from './store';

/** The origin of updates replayed from disk, which must not be written again. */
const FROM_DISK = Symbol('from-disk');
const fromPeer = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis';

export class DurableDocuments implements Extension {
  constructor(
    private readonly store: TeamStore,
    private readonly commit: GroupCommit,
  ) {}

  /** A document's guid is its name: Yjs would otherwise draw a random UUID for each, which showed in profiles. */
  async onCreateDocument({ documentName }: onCreateDocumentPayload): Promise<{ guid: string }> {
    return { guid: documentName };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const parts = this.store.load(documentName);
    if (parts.length > 0) Y.applyUpdate(document, Y.mergeUpdates(parts), FROM_DISK);
    document.on('update', (update: Uint8Array, origin: unknown) => {
      // An update from another instance (through Redis) was stored by the instance that took it.
      if (origin !== FROM_DISK && !fromPeer(origin)) this.commit.append(documentName, update);
    });
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    this.commit.compact(documentName, Y.encodeStateAsUpdate(document));
  }
}
