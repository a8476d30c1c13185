/**
 * Both directions between the local tables and the shared documents.
 *
 * - push: the rows the outbox names go into their documents' registers, in the same SQLite
 *   transaction that empties the outbox (the documents' updates are appended inside it). A column
 *   the member's role may not write is not put in a document (the server would refuse it): it is
 *   listed in sync_refused, and the table keeps the member's value until they discard it.
 * - pull: registers go into the tables, with the outbox triggers silenced, after a push, so a
 *   local change not yet pushed is never overwritten before it has been recorded.
 */
import type * as Y from 'yjs';
import { canWrite, parseDocumentName, refusalReason, type Role } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { projectBody, pushBody } from './body-projection';
import { LOCAL, type LocalDocs } from './local-docs';
import { readCell, readCells, registers, writeRegister, type Value } from './registers';
import { appendRecord, recordsIn } from './row-records';
import { keyPrefix, SKIP, SPECS, specFor, WaitingForParent, type DocPart, type Row, type TableSpec } from './shared-rows';
import { statement } from './statements';
import { APPLYING_BULK } from '../../db/migrations/0300-bulk-comment-index';
import { suspendDerivedTriggers } from '../../db/repos/comment-import';

/** Comment rows in one pull from which their derived tables are filled in bulk (see pull). */
export const BULK_COMMENTS = 200;

export interface Member {
  name: string;
  role: Role;
}

/** Written once, by whoever first shares the row; a later sharer keeps its own local id. */
const IDENTITY = new Set(['id', 'created_at']);
/** Tables whose rows carry a revision that a window's save is checked against. */
const REVISIONED = new Set(['posts', 'comments', 'annotations', 'reply_drafts', 'moderation_rules']);

function partDocs(spec: TableSpec, row: Row) {
  return spec.parts.map((part) => ({ part, name: part.doc(row) }));
}

const joinedAt = (db: DB): string => (statement(db, 'SELECT joined_at FROM sync_workspace WHERE id = 1', true).get() as string | undefined) ?? '';

/** Pushes the outbox, or its first `limit` rows (a seeding laptop pushes its store in parts). */
export function push(db: DB, docs: LocalDocs, member: Member, limit = -1): number {
  const now = new Date().toISOString();
  const pending = statement(db, 'SELECT tbl, row_id FROM sync_outbox LIMIT ?').all(limit) as Array<{ tbl: string; row_id: string }>;
  const refuse = db.prepare('INSERT OR REPLACE INTO sync_refused (tbl, row_id, field, doc, value, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const done = db.prepare('DELETE FROM sync_outbox WHERE tbl = ? AND row_id = ?');
  const removed = db.prepare('SELECT row FROM sync_removed WHERE tbl = ? AND row_id = ?').pluck();
  const forget = db.prepare('DELETE FROM sync_removed WHERE tbl = ? AND row_id = ?');
  docs.batch(() => {
    for (const { tbl, row_id } of pending) {
      const spec = specFor(tbl);
      const row = statement(db, `SELECT * FROM ${tbl} WHERE id = ?`).get(row_id) as Row | undefined;
      if (spec && row) {
        pushRow(db, docs, member, spec, row, now, refuse);
        if (spec.table === 'posts') pushBody(db, docs, member.role, row_id, joinedAt(db));
      } else if (spec && spec.table !== 'comments') {
        const gone = removed.get(tbl, row_id) as string | undefined;
        pushHardDelete(db, docs, member, spec, gone ? (JSON.parse(gone) as Row) : { id: row_id }, now);
      }
      forget.run(tbl, row_id);
      done.run(tbl, row_id);
    }
  });
  return pending.length;
}

function pushRow(db: DB, docs: LocalDocs, member: Member, spec: TableSpec, local: Row, now: string, refuse: import('better-sqlite3').Statement<unknown[]>): void {
  const row = spec.toShared ? spec.toShared(db, local, docs) : local;
  if (!row) return;
  spec.beforePush?.(docs, member.role, local);
  const key = spec.key(row);
  for (const { part, name } of partDocs(spec, row)) {
    const doc = docs.get(name);
    const cells = part.columns.map((c) => readCell(doc, `${key}|${c}`));
    const changed = part.columns.filter((c, i) => !(IDENTITY.has(c) && cells[i]) && cells[i]?.v !== (row[c] ?? null));
    if (changed.length === 0) continue;
    if (!canWrite(member.role, part.kind)) {
      if (spec.seeded?.(local)) continue;
      for (const c of changed) refuse.run(spec.table, row.id, c, name, row[c] === null ? null : String(row[c]), refusalReason(member.role, part.kind), now);
      continue;
    }
    if (part.record && !recordsIn(doc).has(key) && !registers(doc).has(`${key}|id`)) {
      // A new row: one frozen record, its decisions' first log entries included (row-records.ts).
      doc.transact(() => appendRecord(doc, part.record!, key, row, member.name, now), LOCAL);
      continue;
    }
    const shared = part.unshared ? keepLocal(db, part, spec, row, name, changed, now, refuse) : changed;
    doc.transact(() => {
      for (const c of shared) writeRegister(doc, `${key}|${c}`, row[c] ?? null, part.decisions.includes(c) ? { by: member.name, at: now } : null);
    }, LOCAL);
  }
  if (spec.index) {
    const indexDoc = docs.get('index');
    const index = indexDoc.getMap<number>(spec.index);
    if (!index.has(String(row.id))) indexDoc.transact(() => index.set(String(row.id), 1), LOCAL);
  }
  void db;
}

/** The columns that may travel; the others are listed as kept here, and a column that travels again is no longer listed. */
function keepLocal(db: DB, part: DocPart, spec: TableSpec, row: Row, doc: string, changed: string[], now: string, refuse: import('better-sqlite3').Statement<unknown[]>): string[] {
  const listed = db.prepare('DELETE FROM sync_refused WHERE tbl = ? AND row_id = ? AND field = ?');
  return changed.filter((c) => {
    const why = part.unshared!(db, c, row[c] ?? null);
    if (why) refuse.run(spec.table, row.id, c, doc, String(row[c]), why, now);
    else listed.run(spec.table, row.id, c);
    return why === null;
  });
}

/**
 * A row deleted outright here is deleted in its documents (its `deleted_at` set), so every other
 * laptop removes it too. The row is named by the columns kept when it was deleted (migration 0180):
 * a link row's document and key come from its post, author or comment, not from its id.
 */
function pushHardDelete(db: DB, docs: LocalDocs, member: Member, spec: TableSpec, gone: Row, now: string): void {
  const row = spec.toShared && gone.created_at !== undefined ? spec.toShared(db, gone, docs) : gone;
  if (!row) return;
  const key = spec.key(row);
  for (const part of spec.parts.filter((p) => p.creates && p.columns.includes('deleted_at'))) {
    const name = part.doc(row);
    if (!docs.has(name) || !canWrite(member.role, part.kind)) continue;
    const doc = docs.get(name);
    if (!readCell(doc, `${key}|id`) || readCell(doc, `${key}|deleted_at`)?.v != null) continue;
    doc.transact(() => writeRegister(doc, `${key}|deleted_at`, now, part.decisions.includes('deleted_at') ? { by: member.name, at: now } : null), LOCAL);
  }
}

/** The rows a document holds registers for, as (spec, row key, a row with what names its docs). */
function rowsOf(name: string, doc: Y.Doc): Array<{ doc: string; spec: TableSpec; key: string; hint: Row }> {
  const ref = parseDocumentName(name);
  if (!ref || ref.kind === 'index') return [];
  const keys = new Set<string>();
  for (const k of registers(doc).keys()) keys.add(k.slice(0, k.lastIndexOf('|')));
  for (const k of recordsIn(doc).keys()) keys.add(k);
  return [...keys].flatMap((key) => {
    // One document can hold rows of several tables (a post's comments and their annotations): the key's prefix says which.
    const spec = SPECS.find((s) => keyPrefix(s) === key.slice(0, key.indexOf(':')) && s.parts.some((p) => p.kind === ref.kind));
    return spec ? [{ doc: name, spec, key, hint: { id: key.slice(key.indexOf(':') + 1), post_id: ref.id ?? null } }] : [];
  });
}

/**
 * Applies the named documents (all loaded ones when omitted) to the tables. A row whose parent
 * has not arrived yet (a comment before its post) is skipped and its document returned as
 * waiting, to be applied again later.
 */
export function pull(db: DB, docs: LocalDocs, names?: Iterable<string>): { written: number; waiting: string[] } {
  const wanted = [...(names ?? docs.names())];
  const rows = wanted.flatMap((n) => rowsOf(n, docs.get(n)));
  // Parents before children: authors, series, posts, then comments (foreign keys).
  rows.sort((a, b) => SPECS.indexOf(a.spec) - SPECS.indexOf(b.spec));
  const waiting = new Set<string>();
  const pulled = new Map<TableSpec, Pulled[]>();
  const refusals = refusedFields(db);
  // One transaction (a savepoint inside the caller's): the comments inserted below are indexed for
  // search in bulk before it ends, so none is ever committed without its index entry.
  return db.transaction(() => {
    let written = 0;
    const lastComment = statement(db, 'SELECT coalesce(max(rowid), 0) FROM comments', true).get() as number;
    statement(db, 'UPDATE sync_workspace SET applying = ?').run(APPLYING_BULK);
    // A window of a first sync brings thousands of comments: the per-row triggers of the tables
    // derived from them (search index, states, counts) stand aside and each is filled in one
    // statement, as an import does; they were a third of the cost of inserting the rows. A small
    // pull (a live change) keeps the triggers: dropping and recreating them costs more than it saves.
    const derived = rows.reduce((n, r) => n + (r.spec.table === 'comments' ? 1 : 0), 0) >= BULK_COMMENTS ? suspendDerivedTriggers(db, lastComment) : undefined;
    try {
      written = pullRows(db, docs, rows, refusals, pulled, waiting);
      // Before settle and the bodies, which may update these rows (their derived rows must exist by then).
      if (derived) derived();
      else statement(db, 'INSERT INTO comments_fts (rowid, author_name, body_text) SELECT rowid, author_name, body_text FROM comments WHERE rowid > ?').run(lastComment);
      statement(db, 'UPDATE sync_workspace SET applying = 1').run();
      for (const [spec, list] of pulled) if (list.length > 0) spec.settle?.(db, docs, list);
      // Bodies after their posts: a body whose post has not arrived waits with the rows.
      for (const n of wanted) if (parseDocumentName(n)?.kind === 'body' && projectBody(db, docs, n.slice(5)) === 'waiting') waiting.add(n);
    } finally {
      statement(db, 'UPDATE sync_workspace SET applying = 0').run();
    }
    return { written, waiting: [...waiting] };
  })();
}

/** Each row into its table, parents first; a row waiting for its parent leaves its document waiting. */
function pullRows(db: DB, docs: LocalDocs, rows: ReturnType<typeof rowsOf>, refusals: ReturnType<typeof refusedFields>, pulled: Map<TableSpec, Pulled[]>, waiting: Set<string>): number {
  const seen = new Set<string>();
  let written = 0;
  for (const r of rows) {
    if (seen.has(`${r.spec.table}:${r.key}`)) continue;
    seen.add(`${r.spec.table}:${r.key}`);
    try {
      const list = pulled.get(r.spec) ?? [];
      pulled.set(r.spec, list);
      // A row is one INSERT or UPDATE, which SQLite undoes alone when it fails; a toLocal may write
      // more (a tag renamed on a clash), so only those run in a savepoint of their own.
      const one = () => pullRow(db, docs, r.spec, r.key, r.hint, list, refusals);
      if (r.spec.toLocal ? db.transaction(one)() : one()) written++;
    } catch (err) {
      if (!(err instanceof WaitingForParent) && !String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw err;
      waiting.add(r.doc);
    }
  }
  return written;
}

type Pulled = { shared: Row; before?: Row };

/** The fields refused here (sync_refused) by table and row, read once per pull: mostly none. */
function refusedFields(db: DB): (table: string, rowId: unknown) => Set<string> {
  const rows = statement(db, 'SELECT tbl, row_id, field FROM sync_refused').all() as Array<{ tbl: string; row_id: string; field: string }>;
  const byRow = new Map<string, Set<string>>();
  for (const r of rows) byRow.set(`${r.tbl}:${r.row_id}`, (byRow.get(`${r.tbl}:${r.row_id}`) ?? new Set()).add(r.field));
  const none = new Set<string>();
  return (table, rowId) => byRow.get(`${table}:${String(rowId)}`) ?? none;
}

function pullRow(db: DB, docs: LocalDocs, spec: TableSpec, key: string, hint: Row, pulled: Pulled[], refusals: ReturnType<typeof refusedFields>): boolean {
  const registered: Row = {};
  let creatable = false;
  for (const { part, name } of partDocs(spec, hint)) {
    if (!docs.has(name)) continue;
    readCells(docs.get(name), key, part.columns, registered);
    if (part.creates && registered.id !== undefined) creatable = true;
  }
  if (!creatable) return false;
  const shared = spec.toLocal ? spec.toLocal(db, registered, docs) : registered;
  if (shared === SKIP) return false;
  const localId = spec.localId(db, shared);
  const refused = refusals(spec.table, localId ?? shared.id);
  const now = new Date().toISOString();
  if (localId === undefined) {
    const cols = Object.keys(shared);
    const values = cols.map((c) => shared[c]);
    if (!cols.includes('created_at')) cols.push('created_at'), values.push(now);
    statement(db, `INSERT INTO ${spec.table} (${cols.map((c) => `"${c}"`).join(', ')}, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?)`).run(...values, now);
    pulled.push({ shared: registered });
    return true;
  }
  const current = statement(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(localId) as Row;
  pulled.push({ shared: registered, before: current });
  const changed = Object.keys(shared).filter((c) => !IDENTITY.has(c) && !refused.has(c) && current[c] !== shared[c]);
  if (changed.length === 0) return false;
  // A post's revision moves on, so a window holding the old text is told rather than overwriting.
  const bump = REVISIONED.has(spec.table) ? ', revision = revision + 1' : '';
  statement(db, `UPDATE ${spec.table} SET ${changed.map((c) => `"${c}" = ?`).join(', ')}, updated_at = ?${bump} WHERE id = ?`).run(...changed.map((c) => shared[c]), now, localId);
  return true;
}

/** Puts every shared row of this store in the outbox (on joining: merge what one already has). */
export function queueEverything(db: DB): void {
  for (const s of SPECS) db.prepare(`INSERT OR IGNORE INTO sync_outbox (tbl, row_id) SELECT '${s.table}', id FROM ${s.table}`).run();
}
