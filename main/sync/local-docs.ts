/**
 * The laptop's copies of the shared documents, kept in its SQLite file as appended Yjs updates.
 * Every update (made here or received) is written in the document's `update` event, which Yjs
 * fires synchronously: a local change is on disk inside the caller's transaction, a received one
 * before the provider can acknowledge anything further. Replayed at start, so offline work
 * survives restarts.
 */
import * as Y from 'yjs';
import type { DB } from '../../db/connection';

const FROM_DISK = Symbol('from-disk');
/** The origin of changes this laptop makes (pushes, resolutions); anything else came from the server. */
export const LOCAL = Symbol('local');
/** Above this many stored updates a document is rewritten as one when it is loaded. */
const COMPACT_AFTER = 64;

export class LocalDocs {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly append;

  /** onRemote hears of every update that came from the server, after it is on disk. */
  constructor(
    private readonly db: DB,
    private readonly onRemote: (name: string) => void = () => undefined,
  ) {
    this.append = db.prepare('INSERT INTO sync_doc_updates (doc, data) VALUES (?, ?)');
  }

  /** Every document this laptop holds. */
  names(): string[] {
    const stored = this.db.prepare('SELECT DISTINCT doc FROM sync_doc_updates').pluck().all() as string[];
    return [...new Set([...stored, ...this.docs.keys()])].sort();
  }

  has(name: string): boolean {
    return this.docs.has(name) || this.db.prepare('SELECT 1 FROM sync_doc_updates WHERE doc = ? LIMIT 1').get(name) !== undefined;
  }

  get(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (doc) return doc;
    // Its name as its guid: Yjs would otherwise draw a random UUID per document (it showed in profiles).
    // A body keeps its deleted text: revisions and merged saves rebuild it as it was at a snapshot.
    doc = new Y.Doc({ guid: name, gc: !name.startsWith('body/') });
    const parts = (this.db.prepare('SELECT data FROM sync_doc_updates WHERE doc = ? ORDER BY seq').pluck().all(name) as Buffer[]).map((b) => new Uint8Array(b));
    if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts), FROM_DISK);
    if (parts.length > COMPACT_AFTER) {
      const whole = Y.encodeStateAsUpdate(doc);
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM sync_doc_updates WHERE doc = ?').run(name);
        this.append.run(name, Buffer.from(whole));
      })();
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_DISK || !this.db.open) return;
      this.append.run(name, Buffer.from(update));
      if (origin !== LOCAL) this.onRemote(name);
    });
    this.docs.set(name, doc);
    return doc;
  }

  loaded(): IterableIterator<[string, Y.Doc]> {
    return this.docs.entries();
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }
}
