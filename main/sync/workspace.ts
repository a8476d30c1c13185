/**
 * The workspace as a member uses it: join with an invitation, see where things stand, sync,
 * decide conflicts, discard refused changes, leave. The CLI and the window call these.
 */
import { AppError } from '../../common/errors';
import { canWrite, parseDocumentName, type Role } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { applyMembers, forgetMemberRoles } from '../../db/repos/people-members';
import { fetchMembers, refreshMembers, whoAmI } from './member-directory';
import { pull, queueEverything } from './projection';
import { type Conflict, writeRegister } from './registers';
import { LOCAL, type DocMaker } from './local-docs';
import { restoreJoinChoice } from './body-projection';
import { SyncSession, type SyncState } from './session';
import { LOCAL_ONLY_STATUS, pendingChanges, readWorkspace } from './workspace-row';
import type { TokenVault } from './token-vault';

export interface WorkspaceStatus {
  joined: boolean;
  url: string | null;
  member: { id: string; name: string } | null;
  role: Role | null;
  state: 'local-only' | SyncState | 'changes-waiting';
  pending: number;
  lastSyncAt: string | null;
  conflicts: number;
  refused: number;
}

export interface RefusedChange {
  table: string;
  rowId: string;
  field: string;
  value: string | null;
  reason: string;
  at: string;
}

function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('BAD_INPUT', `"${url}" is not a server address: use ws://host:port or wss://host.`);
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new AppError('BAD_INPUT', `"${url}" must start with ws:// or wss://.`);
  return u.toString().replace(/\/+$/, '');
}

export async function joinWorkspace(db: DB, vault: TokenVault, input: { url: string; token: string; timeoutMs?: number }): Promise<WorkspaceStatus> {
  const url = checkUrl(input.url);
  if (readWorkspace(db)) throw new AppError('CONFLICT', `This store has already joined ${readWorkspace(db)!.url}: leave it first (workbench workspace leave).`);
  const token = input.token.trim();
  if (!token) throw new AppError('BAD_INPUT', 'A token is needed (--token T, from `workbench sync-server invite`).');
  const member = await whoAmI(url, token, input.timeoutMs ?? 10_000);
  const members = await fetchMembers(url, token, input.timeoutMs ?? 10_000);
  const sealed = vault.seal(token);
  db.transaction(() => {
    db.prepare('INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at, author_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(url, member.id, member.name, member.role, sealed, new Date().toISOString(), member.authorId ?? null);
    // In a workspace the people are its members (and "me" is the member joining).
    applyMembers(db, members, member.id);
    // What this store already holds merges into the workspace (ids are the same everywhere).
    queueEverything(db);
  })();
  return workspaceStatus(db);
}

export function leaveWorkspace(db: DB): { left: string | null } {
  const ws = readWorkspace(db);
  db.transaction(() => {
    for (const t of ['sync_workspace', 'sync_doc_updates', 'sync_outbox', 'sync_refused', 'sync_removed', 'sync_body_bases']) db.prepare(`DELETE FROM ${t}`).run();
    forgetMemberRoles(db);
  })();
  return { left: ws?.url ?? null };
}

export function workspaceStatus(db: DB, live?: SyncSession): WorkspaceStatus {
  const ws = readWorkspace(db);
  if (!ws) return { ...LOCAL_ONLY_STATUS };
  const pending = pendingChanges(db);
  return {
    joined: true,
    url: ws.url,
    member: { id: ws.member_id, name: ws.member_name },
    role: ws.role,
    state: live ? live.state() : pending > 0 ? 'changes-waiting' : 'up-to-date',
    pending,
    lastSyncAt: ws.last_sync_at,
    conflicts: ws.conflicts,
    refused: db.prepare('SELECT count(*) FROM sync_refused').pluck().get() as number,
  };
}

/** makeDoc: how documents are made in memory (the live app lends its bodies to the windows). */
export function openSession(db: DB, vault: TokenVault, makeDoc?: DocMaker): SyncSession {
  const ws = readWorkspace(db);
  if (!ws) throw new AppError('NOT_FOUND', 'This store has not joined a team workspace (workbench workspace join <url> --token T).');
  return new SyncSession(db, ws, vault.open(ws.token_sealed), makeDoc);
}

export async function syncWorkspace(db: DB, vault: TokenVault, timeoutMs: number): Promise<WorkspaceStatus> {
  const session = openSession(db, vault);
  try {
    // Members first, so that a post owned by a member this laptop did not know yet applies at once.
    // Unreachable or refused: the sync below says so in its own words.
    await refreshMembers(db, vault.open(session.workspace.token_sealed), Math.min(timeoutMs, 10_000)).catch(() => undefined);
    await session.syncUntilUpToDate(timeoutMs);
    return workspaceStatus(db);
  } finally {
    session.close();
  }
}

export function listConflicts(session: SyncSession): Conflict[] {
  return session.conflicts();
}

/** Picks choice n (1-based) of a conflict; the pick is a new decision that resolves the others. */
export function resolveConflict(db: DB, session: SyncSession, id: string, pick: number): Conflict {
  const conflict = session.conflicts().find((c) => c.id === id);
  if (!conflict) throw new AppError('NOT_FOUND', `No open conflict has the id "${id}" (see workbench workspace conflicts).`);
  const choice = conflict.choices[pick - 1];
  if (!choice) throw new AppError('BAD_INPUT', `Conflict ${id} has ${conflict.choices.length} choices; --pick takes 1 to ${conflict.choices.length}, not ${pick}.`);
  const kind = parseDocumentName(conflict.doc)!.kind;
  if (!canWrite(session.member.role, kind)) throw new AppError('FORBIDDEN', `${session.member.name} (${session.member.role}) may not decide this: it is in ${conflict.doc}.`);
  const doc = session.docs.get(conflict.doc);
  db.transaction(() => {
    restoreJoinChoice(db, choice.value);
    doc.transact(() => writeRegister(doc, conflict.key, choice.value, { by: session.member.name, at: new Date().toISOString() }, conflict.choices.map((c) => c.entry)), LOCAL);
    pull(db, session.docs, [conflict.doc]);
    db.prepare('UPDATE sync_workspace SET conflicts = ? WHERE id = 1').run(session.conflicts().length);
  })();
  return conflict;
}

export function listRefused(db: DB): RefusedChange[] {
  return (db.prepare('SELECT tbl, row_id, field, value, reason, at FROM sync_refused ORDER BY at, tbl, row_id, field').all() as Array<Record<string, string>>).map((r) => ({
    table: r.tbl, rowId: r.row_id, field: r.field, value: r.value, reason: r.reason, at: r.at,
  }));
}

/** Drops the refused local changes and puts the workspace's values back in the tables. */
export function discardRefused(db: DB, session: SyncSession): number {
  return db.transaction(() => {
    const docs = db.prepare('SELECT DISTINCT doc FROM sync_refused').pluck().all() as string[];
    const n = db.prepare('DELETE FROM sync_refused').run().changes;
    pull(db, session.docs, docs.filter((d) => session.docs.has(d)));
    return n;
  })();
}
