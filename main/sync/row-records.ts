/**
 * Rows written once as one frozen record each, beside the registers of shared-rows.ts.
 *
 * An imported comment's body, author, dates and source ids never change, and a post's comments
 * number in the hundreds: a register per column and a log entry per decision cost about 90 Yjs
 * items per comment (100,000 comments held 1.8 million map entries, a gigabyte of heap on each
 * side). Here a row is created as one string in the document's `rows` array (the values of its
 * columns, in the layout's order, with who created it and when), appended in bulk, so a post's
 * comments are a handful of Yjs items. A later change of a column (a moderation decision, a
 * re-import that corrects an author) is an ordinary register, which takes precedence over the
 * record; decisions keep their log. The record stands for the first log entry of each of its
 * decision columns, so two laptops that import the same comment with different statuses still
 * show a conflict, and a decision taken after it names it as its parent.
 *
 * The same row created on two laptops offline holds two records; the first in the array (the
 * same on every laptop once they have synced) is in force, exactly as one of two concurrent
 * registers would be.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { LogEntry, Register, Value } from './registers';

export interface RecordLayout {
  /** The row key's prefix (`comment` for `comment:<source>:<source id>`). */
  prefix: string;
  columns: readonly string[];
  decisions: readonly string[];
}

export const COMMENT_RECORD: RecordLayout = {
  prefix: 'comment',
  columns: ['id', 'created_at', 'post_id', 'source', 'source_id', 'parent_source_id', 'author_name', 'author_role', 'author_organisation', 'author_email', 'author_url', 'posted_at', 'body_html', 'body_text', 'type', 'status', 'flags', 'deleted_at'],
  decisions: ['status', 'deleted_at'],
};

const LAYOUTS = new Map([COMMENT_RECORD].map((l) => [l.prefix, l]));

interface RowRecord {
  key: string;
  /** Names the record's log entries (`<entry>/<column>`). */
  entry: string;
  by: string;
  at: string;
  values: Value[];
  layout: RecordLayout;
}

/** Encoded as `[key, entry, by, at, ...values]`: column names are the layout's, not repeated per row. */
export const rowRecords = (doc: Y.Doc) => doc.getArray<string>('rows');

const decoded = new WeakMap<Y.Doc, Map<string, RowRecord[]>>();

/** Every record of the document by row key, in array order (decoded once per change of the array). */
export function recordsIn(doc: Y.Doc): Map<string, RowRecord[]> {
  let byKey = decoded.get(doc);
  if (byKey) return byKey;
  byKey = new Map();
  const array = rowRecords(doc);
  for (const text of array.toArray()) decodeInto(byKey, text);
  if (!observed.has(doc)) {
    observed.add(doc);
    array.observe((event) => {
      const cache = decoded.get(doc);
      // This laptop only appends, at the end: decode just the new records. A received change may
      // insert anywhere (which record comes first can change): decode again when next asked.
      if (!cache || !event.transaction.local) return void decoded.delete(doc);
      for (const d of event.changes.delta) for (const text of (d.insert as string[] | undefined) ?? []) decodeInto(cache, text);
    });
  }
  decoded.set(doc, byKey);
  return byKey;
}
const observed = new WeakSet<Y.Doc>();

function decodeInto(byKey: Map<string, RowRecord[]>, text: string): void {
  const [key, entry, by, at, ...values] = JSON.parse(text) as [string, string, string, string, ...Value[]];
  const layout = LAYOUTS.get(key.slice(0, key.indexOf(':')));
  if (!layout) return;
  const list = byKey.get(key) ?? [];
  list.push({ key, entry, by, at, values, layout });
  byKey.set(key, list);
}

/** The record in force for a row key (the first in the array), if any. */
export function recordOf(doc: Y.Doc, key: string): RowRecord | undefined {
  return recordsIn(doc).get(key)?.[0];
}

/** A record's value for a column; undefined when the record does not hold that column. */
export function recordValue(record: RowRecord, column: string): Value | undefined {
  const i = record.layout.columns.indexOf(column);
  return i === -1 || i >= record.values.length ? undefined : record.values[i];
}

/** The value a record gives `<row key>|<column>`, as a register would hold it; undefined when none does. */
export function recordCell(doc: Y.Doc, cellKey: string): Register | undefined {
  const bar = cellKey.lastIndexOf('|');
  const record = recordOf(doc, cellKey.slice(0, bar));
  if (!record) return undefined;
  const column = cellKey.slice(bar + 1);
  const v = recordValue(record, column);
  if (v === undefined) return undefined;
  return { v, e: record.layout.decisions.includes(column) ? `${record.entry}/${column}` : '' };
}

/** The first log entries the records stand for (one per decision column of each record). */
export function recordEntries(doc: Y.Doc): LogEntry[] {
  const out: LogEntry[] = [];
  for (const [key, records] of recordsIn(doc)) {
    for (const r of records) {
      for (const column of r.layout.decisions) {
        const i = r.layout.columns.indexOf(column);
        if (i < r.values.length) out.push({ id: `${r.entry}/${column}`, key: `${key}|${column}`, parent: '', v: r.values[i], by: r.by, at: r.at });
      }
    }
  }
  return out;
}

export function layoutFor(prefix: string): RecordLayout | undefined {
  return LAYOUTS.get(prefix);
}

/** Appends a row's record (inside the caller's transaction, so a batch of rows is one update). */
export function appendRecord(doc: Y.Doc, layout: RecordLayout, key: string, row: Record<string, Value | undefined>, by: string, at: string): void {
  const entry = crypto.randomBytes(9).toString('base64url');
  rowRecords(doc).push([JSON.stringify([key, entry, by, at, ...layout.columns.map((c) => row[c] ?? null)])]);
}
