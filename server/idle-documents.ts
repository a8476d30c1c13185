/**
 * Idle documents leave memory. Hocuspocus already unloads a document once its last connection
 * has gone and its debounced store has run (unloadImmediately, the default). What it keeps is a
 * document whose store failed or was skipped (another instance held the Redis lock at that
 * moment): this sweep unloads any document with no connection and no change for `idleMs`. The
 * next member to open it loads it again from the store.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from './logging';

export function sweepIdleDocuments(hocuspocus: Hocuspocus, idleMs: number, log: Logger): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const document of hocuspocus.documents.values()) {
      if (document.getConnectionsCount() > 0 || now - document.lastChangeTime < idleMs) continue;
      log.info('document.idle-unload', { document: document.name, idleMs: now - document.lastChangeTime });
      void hocuspocus.unloadDocument(document);
    }
  }, Math.max(1000, Math.floor(idleMs / 2)));
  timer.unref();
  return () => clearInterval(timer);
}
