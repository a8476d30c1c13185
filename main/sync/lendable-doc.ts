/**
 * The live session's draft bodies are made as Hocuspocus documents (a Y.Doc subclass), so that
 * the window stream (window-stream.ts) can serve main's own document to the windows. Before, the
 * stream copied the whole body into a document of its own on each open and encoded it again for
 * the window: three quarters of main's work in opening the 36,000-word draft, and a second copy
 * of the body in memory while a window had it. Other documents stay plain Y.Docs.
 */
import { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocumentName } from '../../common/sync/documents';
import type { DocMaker } from './local-docs';

/**
 * A body served to the windows as main's own document. Its listeners never throw into Yjs: Yjs 13
 * skips the rest of a transaction's cleanup when one does, and the document fires no event again.
 * Before, the windows had a document of their own, so a failing listener of main's left them
 * hearing each other; now they share main's, so each listener's failure is kept to itself.
 */
class LendableBody extends Document {
  override emit(...[name, args]: Parameters<Y.Doc['emit']>): void {
    for (const listener of [...(this._observers.get(name) ?? [])]) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (e) {
        console.error(`[lendable-doc] ${this.name}: a listener of "${name}" failed: ${(e as Error).message}`);
      }
    }
  }
}

export const lendableDoc: DocMaker = (name, options) => {
  if (parseDocumentName(name)?.kind !== 'body') return new Y.Doc(options);
  const doc = new LendableBody(name, options);
  // Loaded as far as Hocuspocus is concerned: LocalDocs fills it from disk, before any window asks.
  doc.isLoading = false;
  return doc;
};

/** Whether the stream can serve this document as it is. */
export const isLendable = (doc: Y.Doc): doc is Document => doc instanceof Document;
