/**
 * Durable documents for Hocuspocus. Yjs emits a document's `update` event synchronously inside
 * the transaction that applies an incoming message, and Hocuspocus sends its SyncStatus
 * acknowledgement only after that call returns. Writing the update to SQLite in that event (a
 * synchronous, fsynced write) therefore puts every acknowledged update on disk first, which a
 * debounced onStoreDocument alone would not. onStoreDocument then only compacts.
 */
import * as Y from 'yjs';
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type { TeamStore } from './store';

/** The origin of updates replayed from disk, which must not be written again. */
const FROM_DISK = Symbol('from-disk');

export class DurableDocuments implements Extension {
  constructor(private readonly store: TeamStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const parts = this.store.load(documentName);
    if (parts.length > 0) Y.applyUpdate(document, Y.mergeUpdates(parts), FROM_DISK);
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_DISK) this.store.append(documentName, update);
    });
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    this.store.compact(documentName, Y.encodeStateAsUpdate(document));
  }
}
