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

/** Yjs 13 keeps a document's listeners in `_observers` (lib0's Observable); it has no silent apply. */
type Observed = { _observers: Map<string, Set<unknown>> };

/**
 * Applies a document's stored state without firing its `update` event. Yjs encodes every
 * transaction's changes anew for that event whenever anything listens (Hocuspocus' Document
 * always does, to broadcast), and at load nobody needs them: they are what the store already
 * holds, and no connection has the document yet. That encoding was a quarter of the server's CPU
 * in a new member's first sync (every document loaded, encoded for nobody, then encoded again
 * for the member).
 */
export function applyStoredState(doc: Y.Doc, state: Uint8Array): void {
  const observers = (doc as unknown as Observed)._observers;
  const update = observers.get('update');
  const updateV2 = observers.get('updateV2');
  observers.delete('update');
  observers.delete('updateV2');
  try {
    Y.applyUpdate(doc, state);
  } finally {
    if (update) observers.set('update', update);
    if (updateV2) observers.set('updateV2', updateV2);
  }
}

/** Loading and compaction, through the engine's own database extension; loading applies the stored state silently. */
export function storedDocuments(store: ServerStore, commit: GroupCommit): Database {
  const extension = new Database({
    fetch: ({ documentName }) => fetchDocument(store, documentName, commit),
    store: ({ documentName, state }) => commit.compact(documentName, state),
  });
  extension.onLoadDocument = async ({ document, documentName }) => {
    const state = await fetchDocument(store, documentName, commit);
    if (state) applyStoredState(document, state);
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
