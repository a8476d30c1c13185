/**
 * Durable documents for Hocuspocus, on either store (server/store-api.ts).
 *
 * Loading and compacting go through @hocuspocus/extension-database: its fetch gives the stored
 * state merged with the updates since, and its store (called from Hocuspocus' debounced
 * onStoreDocument) writes the whole state, which replaces those updates. That debounce is why the
 * rest is ours: an update acknowledged seconds before a crash would be lost if storing waited for
 * it. Yjs emits a document's `update` event synchronously inside the transaction that applies an
 * incoming message, and Hocuspocus sends its SyncStatus acknowledgement right after; the update is
 * handed to the group commit in that event, which holds every outgoing message until the store
 * has it (server/group-commit.ts), so nothing is acknowledged before it is stored.
 */
import * as Y from 'yjs';
import { Database } from '@hocuspocus/extension-database';
import type { Extension, afterLoadDocumentPayload, onCreateDocumentPayload } from '@hocuspocus/server';
import type { GroupCommit } from './group-commit';
import type { ServerStore } from './store-api';
import { applySilently } from '../common/sync/silent-apply';

/**
 * The stored parts of a document merged into one update, or null when there are none. Updates
 * found beside the state (left by an instance that died before compacting them, or stored by
 * another instance since) are folded into it by a compaction (in a transaction of its own), rather
 * than merged again on every later load: a document that is only read would otherwise never shed them.
 */
export async function fetchDocument(store: ServerStore, name: string, commit?: GroupCommit): Promise<Uint8Array | null> {
  const parts = await store.load(name);
  if (parts.length <= 1) return parts[0] ?? null;
  const merged = Y.mergeUpdates(parts);
  void commit?.compact(name, merged);
  return merged;
}

/**
 * Loading and compaction, through the engine's own database extension. A stored state is applied
 * without its update event (common/sync/silent-apply.ts): it is what the store holds already and no
 * connection has the document yet.
 */
export function storedDocuments(store: ServerStore, commit: GroupCommit): Database {
  const extension = new Database({
    fetch: ({ documentName }) => fetchDocument(store, documentName, commit),
    store: ({ documentName, state }) => commit.compact(documentName, state),
  });
  extension.onLoadDocument = async ({ document, documentName }) => {
    const state = await fetchDocument(store, documentName, commit);
    if (state) applySilently(document, state);
  };
  return extension;
}

const fromPeer = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis';

export class DurableDocuments implements Extension {
  /** First among the afterLoadDocument hooks, so that no update applied by another extension slips past. */
  priority = 1000;

  constructor(private readonly commit: GroupCommit) {}

  /** A document's guid is its name: Yjs would otherwise draw a random UUID for each, which showed in profiles. */
  async onCreateDocument({ documentName }: onCreateDocumentPayload): Promise<{ guid: string }> {
    return { guid: documentName };
  }

  /** After the stored state is in (so it is not written again), every further update goes to the group commit. */
  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    document.on('update', (update: Uint8Array, origin: unknown) => {
      // An update from another instance (through Redis) was stored by the instance that took it.
      if (!fromPeer(origin)) this.commit.append(documentName, update);
    });
  }
}
