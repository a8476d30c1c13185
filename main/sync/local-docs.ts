/**
 * The laptop's copies of the shared documents, kept in its SQLite file as appended Yjs updates.
 * Every update (made here or received) is written in the document's `update` event, which Yjs
 * fires synchronously: a local change is on disk inside the caller's transaction, a received one
 * before the provider can acknowledge anything further. Replayed at start, so offline work
 * survives restarts.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { SINGLETONS, type DocumentKind } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { statement } from './statements';
import { withoutUpdateEvents } from '../../common/sync/silent-apply';

const FROM_DISK = Symbol('from-disk');
/** The update's bytes for SQLite without copying them (Buffer.from(u) copies: a first sync's every document, twice). */
const bytesOf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
/** The origin of changes this laptop makes (pushes, resolutions); anything else came from the server. */
export const LOCAL = Symbol('local');
/** Above this many stored updates a document is rewritten as one when it is loaded. */
const COMPACT_AFTER = 64;

/** Makes the empty document a name is loaded into (the live app's bodies: lendable-doc.ts). */
export type DocMaker = (name: string, options: { guid: string; gc: boolean }) => Y.Doc;
const plainDoc: DocMaker = (_name, options) => new Y.Doc(options);

export class LocalDocs {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly append;

  /** onRemote hears of every update that came from the server, after it is on disk. */
  constructor(
    private readonly db: DB,
    private readonly onRemote: (name: string) => void = () => undefined,
    private readonly makeDoc: DocMaker = plainDoc,
  ) {
    this.append = db.prepare('INSERT INTO sync_doc_updates (doc, data) VALUES (?, ?)');
    this.pending = db.prepare('INSERT INTO sync_doc_marks (doc, pending) VALUES (?, 1) ON CONFLICT (doc) DO UPDATE SET pending = 1');
  }

  private readonly pending;

  /** A change made here waits to be marked in the index once the server has it (change-marks.ts). */
  private notePending(name: string): void {
    if (!SINGLETONS.has(name as DocumentKind)) this.pending.run(name);
  }

  /** Every document this laptop holds. */
  names(): string[] {
    const stored = this.db.prepare('SELECT DISTINCT doc FROM sync_doc_updates').pluck().all() as string[];
    return [...new Set([...stored, ...this.docs.keys()])].sort();
  }

  has(name: string): boolean {
    return this.docs.has(name) || statement(this.db, 'SELECT 1 FROM sync_doc_updates WHERE doc = ? LIMIT 1').get(name) !== undefined;
  }

  get(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (doc) return doc;
    // Its name as its guid: Yjs would otherwise draw a random UUID per document (it showed in profiles).
    // A body keeps its deleted text: revisions and merged saves rebuild it as it was at a snapshot.
    doc = this.makeDoc(name, { guid: name, gc: !name.startsWith('body/') });
    const parts = (statement(this.db, 'SELECT data FROM sync_doc_updates WHERE doc = ? ORDER BY seq', true).all(name) as Buffer[]).map((b) => new Uint8Array(b));
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
      // Never throws into Yjs: a listener that throws skips the document's listeners after it (the
      // providers' sends to the team server and the windows) and, worse, Yjs 13 then never
      // finishes that transaction's cleanup, so the document fires no event again: every later
      // change stayed in memory, unsent and unwritten (issue 13's frozen relay). A failed write is
      // made good by the next one, which writes the whole document.
      try {
        this.store(name, doc, update, origin);
      } catch (err) {
        this.unsaved.add(name);
        console.error(`Editorial Workbench: storing a change of ${name} failed (${(err as Error).message}); the next change stores the whole document.`);
      }
    });
    this.docs.set(name, doc);
    return doc;
  }

  /**
   * A document's first state from the team server (a one-off sync), stored as it came, then applied
   * (apply) without Yjs encoding it anew for the update event: that encoding, and the garbage it
   * made, were a fifth of a new member's first sync. It is on disk before it is applied, as any
   * received update is; should storing it fail, it goes the usual way.
   */
  receiveFirstState(name: string, update: Uint8Array, apply: () => void): void {
    const doc = this.docs.get(name);
    if (!doc || this.unsaved.has(name) || !this.db.open) return apply();
    try {
      this.append.run(name, bytesOf(update));
    } catch {
      return apply();
    }
    withoutUpdateEvents(doc, apply);
    this.onRemote(name);
  }

  /** Documents whose last write failed: the next one writes the whole document. */
  private readonly unsaved = new Set<string>();

  private store(name: string, doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    if (origin === LOCAL) this.written.add(name);
    // Whatever did not come from the team server was made here (the tables' changes, and a
    // window's typing through the stream, which is projected like a colleague's), so it waits
    // for its mark: a one-off sync must open the document to send it.
    if (!(origin instanceof HocuspocusProvider)) this.notePending(name);
    const batched = origin === LOCAL ? this.batched : undefined;
    if (batched) return void batched.set(name, [...(batched.get(name) ?? []), update]);
    this.append.run(name, bytesOf(this.unsaved.has(name) ? Y.encodeStateAsUpdate(doc) : update));
    this.unsaved.delete(name);
    if (origin !== LOCAL) this.onRemote(name);
  }

  private batched?: Map<string, Uint8Array[]>;
  private written = new Set<string>();

  /** These documents' changes here are all on the server: they need not be opened again for them. */
  forgetWritten(names: Iterable<string>): void {
    for (const n of names) this.written.delete(n);
  }

  /** The documents this laptop changed since the last call. */
  takeWritten(): string[] {
    const list = [...this.written];
    this.written.clear();
    return list;
  }

  /**
   * Runs fn with this laptop's updates stored as one row per document when it returns (one push
   * of 500 imported comments is one row, not 500). Call it inside the SQLite transaction that
   * records the change: the rows are then written before that transaction commits, and nothing is
   * acknowledged before (the server answers only after fn has returned).
   */
  batch<T>(fn: () => T): T {
    if (this.batched) return fn();
    const batched = (this.batched = new Map());
    try {
      return fn();
    } finally {
      this.batched = undefined;
      for (const [name, updates] of batched) this.append.run(name, bytesOf(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)));
    }
  }

  /** Whether the document is in memory now (has() also says yes for one only on disk). */
  isLoaded(name: string): boolean {
    return this.docs.has(name);
  }

  /** Drops a document from memory (everything it holds is on disk; get() loads it again). */
  unload(name: string): void {
    this.docs.get(name)?.destroy();
    this.docs.delete(name);
  }

  loaded(): IterableIterator<[string, Y.Doc]> {
    return this.docs.entries();
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }
}
