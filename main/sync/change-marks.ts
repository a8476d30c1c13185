/**
 * Per-document change marks in the `index` document, so that a reconnect opens only the documents
 * that changed since this laptop last synced them, not all of them (4,800 at the bench's size).
 *
 * After a laptop's changes to a document have reached the server (the server acknowledged them),
 * it sets `<document> <laptop id>` in the index's `marks` map to the sequence number of its latest
 * stored update. Each laptop writes only its own keys, so two laptops never overwrite each other's
 * mark. Setting it only after the acknowledgement means that whoever sees a mark finds the change
 * on the server when it opens the document.
 *
 * A laptop keeps, per document, the marks it had seen when it last opened the document to sync it
 * (sync_doc_marks.seen, migration 0210), read before it opened it: a mark that arrives meanwhile
 * makes the document open again next time, never skipped. A document never synced here has none.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { SINGLETONS, type DocumentKind } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { LOCAL } from './local-docs';
import { statement } from './statements';

type Marks = Record<string, number>;

export const marksMap = (index: Y.Doc) => index.getMap<number>('marks');

/** Singletons are opened at every sync anyway; they carry no marks. */
const marked = (name: string): boolean => !SINGLETONS.has(name as DocumentKind);

export class ChangeMarks {
  /** `writesIndex`: whether this member may write the index (a guest author may not: the server refuses it). */
  constructor(
    private readonly db: DB,
    private readonly writesIndex = true,
  ) {}

  /** This store's name in the marks, made once. */
  laptopId(): string {
    const id = statement(this.db, 'SELECT laptop_id FROM sync_workspace WHERE id = 1', true).get() as string | null | undefined;
    if (id) return id;
    const made = crypto.randomBytes(6).toString('base64url');
    statement(this.db, 'UPDATE sync_workspace SET laptop_id = ? WHERE id = 1').run(made);
    return made;
  }

  /** Documents this laptop changed and has not marked yet. */
  pending(): string[] {
    return statement(this.db, 'SELECT doc FROM sync_doc_marks WHERE pending = 1', true).all() as string[];
  }

  /** Every document's marks in the index, by document. */
  private byDoc(index: Y.Doc): Map<string, Marks> {
    const out = new Map<string, Marks>();
    for (const [key, mark] of marksMap(index)) {
      const space = key.lastIndexOf(' ');
      const doc = key.slice(0, space);
      const marks = out.get(doc) ?? {};
      marks[key.slice(space + 1)] = mark;
      out.set(doc, marks);
    }
    return out;
  }

  /**
   * Of the candidates, those this laptop has to open: never synced here, a mark moved since, or
   * changed here and not marked yet.
   */
  changed(index: Y.Doc, candidates: Iterable<string>): string[] {
    const now = this.byDoc(index);
    const rows = statement(this.db, 'SELECT doc, seen, pending FROM sync_doc_marks').all() as Array<{ doc: string; seen: string | null; pending: number }>;
    const here = new Map(rows.map((r) => [r.doc, r]));
    const out: string[] = [];
    for (const name of new Set(candidates)) {
      if (!marked(name)) continue;
      const row = here.get(name);
      if (!row || row.seen === null || row.pending === 1 || !sameMarks(JSON.parse(row.seen) as Marks, now.get(name) ?? {})) out.push(name);
    }
    return out;
  }

  /** The documents' marks as the index holds them now, to be recorded once they have synced. */
  snapshot(index: Y.Doc, names: Iterable<string>): Map<string, Marks> {
    const now = this.byDoc(index);
    return new Map([...names].filter(marked).map((n) => [n, now.get(n) ?? {}]));
  }

  /** Records that these documents synced with the marks they had when they were opened. */
  noteSynced(seen: Map<string, Marks>): void {
    const put = statement(this.db, 'INSERT INTO sync_doc_marks (doc, seen) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET seen = excluded.seen');
    for (const [name, marks] of seen) put.run(name, JSON.stringify(marks));
  }

  /** These documents open at the next sync whatever their marks say. */
  forget(names: string[]): void {
    const unseen = statement(this.db, 'UPDATE sync_doc_marks SET seen = NULL WHERE doc = ?');
    for (const name of names) unseen.run(name);
  }

  /**
   * Marks, in the index, the documents changed here: call it once their changes are on the server.
   * Our own mark counts as seen here. Returns how many it marked (the index then has to sync).
   * A member who may not write the index only notes here that the changes were sent: a mark the
   * server refuses would wait for its acknowledgement for ever (the status stuck on "Syncing…").
   */
  markSent(index: Y.Doc, names: string[]): number {
    if (names.length === 0) return 0;
    if (!this.writesIndex) {
      const sent = statement(this.db, 'UPDATE sync_doc_marks SET pending = 0 WHERE doc = ?');
      this.db.transaction(() => names.forEach((name) => sent.run(name)))();
      return 0;
    }
    const laptop = this.laptopId();
    const seq = (statement(this.db, 'SELECT coalesce(max(seq), 0) FROM sync_doc_updates', true).get() as number) + 1;
    const done = statement(this.db, 'UPDATE sync_doc_marks SET pending = 0, seen = json_set(coalesce(seen, ?), ?, ?) WHERE doc = ?');
    this.db.transaction(() => {
      index.transact(() => {
        for (const name of names) marksMap(index).set(`${name} ${laptop}`, seq);
      }, LOCAL);
      for (const name of names) done.run('{}', `$."${laptop}"`, seq, name);
    })();
    return names.length;
  }
}

function sameMarks(a: Marks, b: Marks): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
