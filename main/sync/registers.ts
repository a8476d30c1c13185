/**
 * Registers and the decision log inside one shared Y.Doc.
 *
 * A Y.Map key written by two offline members keeps one value, chosen by client id, and says
 * nothing. So each write of a decision also appends an entry to the document's log naming the
 * entry it replaced (`parent`, the one in force when it was made). Two entries with the same
 * parent and different values were made without seeing each other: a conflict, listed until an
 * entry that `resolves` them is written. Everyone derives the same list from the same log, so a
 * conflict is listed once, under the same id, on every laptop.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { recordCell, recordEntries, recordOf, recordValue } from './row-records';

export type Value = string | number | null;

export interface Register {
  v: Value;
  /** The log entry that set it ('' for a column that is not a decision). */
  e: string;
}

export interface LogEntry {
  id: string;
  key: string;
  parent: string;
  v: Value;
  by: string;
  at: string;
  resolves?: string[];
}

export interface Conflict {
  id: string;
  doc: string;
  key: string;
  /** The value both sides started from (null when both created it). */
  base: Value | undefined;
  current: Value | undefined;
  choices: Array<{ entry: string; value: Value; by: string; at: string }>;
}

export const registers = (doc: Y.Doc) => doc.getMap<Register>('fields');
export const decisionLog = (doc: Y.Doc) => doc.getArray<LogEntry>('log');

/** A cell's value: its register, or else the frozen record that created its row (row-records.ts). */
export function readCell(doc: Y.Doc, key: string): Register | undefined {
  return registers(doc).get(key) ?? recordCell(doc, key);
}

/**
 * A row's values for these columns into `into`, as readCell reads each: the register, or else the
 * record. One lookup of the record per row, not per column: a new member's first sync reads
 * 100,000 comments of 18 columns each.
 */
export function readCells(doc: Y.Doc, key: string, columns: readonly string[], into: Record<string, Value>): void {
  const fields = registers(doc);
  const record = recordOf(doc, key);
  for (const c of columns) {
    // Not `fields.size`: Y.Map counts its entries by walking them all.
    const reg = fields.get(`${key}|${c}`);
    const v = reg ? reg.v : record && recordValue(record, c);
    if (v !== undefined) into[c] = v;
  }
}

export function writeRegister(doc: Y.Doc, key: string, v: Value, decision: { by: string; at: string } | null, resolves?: string[]): void {
  const fields = registers(doc);
  if (!decision) {
    fields.set(key, { v, e: '' });
    return;
  }
  const entry: LogEntry = { id: crypto.randomUUID(), key, parent: readCell(doc, key)?.e ?? '', v, by: decision.by, at: decision.at };
  if (resolves) entry.resolves = resolves;
  decisionLog(doc).push([entry]);
  fields.set(key, { v, e: entry.id });
}

/**
 * Columns whose decision is whether they are set, not to what: a note's `resolved_at` says it was
 * resolved and when. Two members resolving one note apart agree; one resolving and one reopening
 * (null) do not.
 */
const SET_OR_NOT = new Set(['resolved_at']);

/** What two log entries must share to be the same decision. */
function decisionOf(e: LogEntry): string {
  return SET_OR_NOT.has(e.key.slice(e.key.lastIndexOf('|') + 1)) ? String(e.v !== null) : JSON.stringify(e.v);
}

export function conflictsIn(docName: string, doc: Y.Doc): Conflict[] {
  const entries = [...recordEntries(doc), ...decisionLog(doc).toArray()];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const resolved = new Set(entries.flatMap((e) => e.resolves ?? []));
  const siblings = new Map<string, LogEntry[]>();
  for (const e of entries) {
    const k = `${e.key}\u0000${e.parent}`;
    siblings.set(k, [...(siblings.get(k) ?? []), e]);
  }
  const out: Conflict[] = [];
  for (const group of siblings.values()) {
    if (group.length < 2 || new Set(group.map((e) => decisionOf(e))).size < 2) continue;
    if (group.every((e) => resolved.has(e.id))) continue;
    const { key, parent } = group[0];
    const ordered = [...group].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    out.push({
      id: crypto.createHash('sha256').update(`${docName}\u0000${key}\u0000${parent}`).digest('hex').slice(0, 12),
      doc: docName,
      key,
      base: parent ? byId.get(parent)?.v : null,
      current: readCell(doc, key)?.v,
      choices: ordered.map((e) => ({ entry: e.id, value: e.v, by: e.by, at: e.at })),
    });
  }
  return out;
}
