/**
 * The window's workspace methods, loaded on first use (main/handlers/workspace.ts) so that the
 * sync engine stays out of a local-only app's start.
 */
import type { Handlers } from '../../common/api';
import { canWrite, parseDocumentName } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import type { Ctx } from '../context';
import { liveSession, stopLive } from './live';
import type { Conflict } from './registers';
import type { SyncSession } from './session';
import { tokenVault } from './token-vault';
import { discardRefused, joinWorkspace, leaveWorkspace, listRefused, openSession, resolveConflict, workspaceStatus } from './workspace';

export type WorkspaceMethods = 'workspace.status' | 'workspace.join' | 'workspace.leave' | 'workspace.conflicts' | 'workspace.resolve' | 'workspace.refused' | 'workspace.discardRefused';

const FIELD_WORDS: Record<string, string> = { status: 'status', title: 'title', series_id: 'series', position: 'position', planned_date: 'planned date', deadline: 'deadline', deleted_at: 'deleted or kept', cadence: 'cadence', name: 'name' };
const KIND_WORDS: Record<string, string> = { comment: 'Comment', post: 'Post', series: 'Series', author: 'Author' };

/** A conflict in the words of the window: what was decided, about which item. */
function describe(db: DB, c: Conflict, session: SyncSession) {
  const [row, field] = c.key.split('|');
  const kind = row.slice(0, row.indexOf(':'));
  const id = row.slice(row.indexOf(':') + 1);
  let subject = id;
  if (kind === 'post') subject = `“${(db.prepare('SELECT title FROM posts WHERE id = ?').pluck().get(id) as string | undefined) || 'Untitled'}”`;
  else if (kind === 'series') subject = `“${(db.prepare('SELECT title FROM series WHERE id = ?').pluck().get(id) as string | undefined) ?? id}”`;
  else if (kind === 'author') subject = (db.prepare('SELECT name FROM authors WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
  else if (kind === 'comment') {
    const postId = c.doc.slice(c.doc.indexOf('/') + 1);
    const sourceId = id.slice(id.indexOf(':') + 1);
    const r = db.prepare('SELECT c.author_name AS who, p.title AS post FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.post_id = ? AND c.source_id = ?').get(postId, sourceId) as { who: string; post: string } | undefined;
    subject = r ? `${r.who || 'Anonymous'}’s comment on “${r.post || 'Untitled'}”` : `comment ${sourceId}`;
  }
  const choices = c.choices.map((ch) => ({ value: ch.value, by: ch.by, at: ch.at }));
  return { id: c.id, what: `${KIND_WORDS[kind] ?? kind} ${FIELD_WORDS[field] ?? field}`, subject, base: c.base, current: c.current, choices, canDecide: canWrite(session.member.role, parseDocumentName(c.doc)!.kind) };
}

/** The live session, or a short-lived one for a context without one (tests' API harness, the CLI). */
function withSession<T>(ctx: Ctx, fn: (s: SyncSession) => T): T {
  const live = liveSession(ctx);
  if (live) return fn(live);
  const s = openSession(ctx.db, tokenVault());
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

const conflicts = (ctx: Ctx) => withSession(ctx, (s) => s.conflicts().map((c) => describe(ctx.db, c, s)));

export const workspaceHandlers: Pick<Handlers<Ctx>, WorkspaceMethods> = {
  'workspace.status': (_input, ctx) => workspaceStatus(ctx.db, liveSession(ctx)),
  'workspace.join': async (input, ctx) => {
    await joinWorkspace(ctx.db, tokenVault(), input);
    return workspaceStatus(ctx.db, liveSession(ctx));
  },
  'workspace.leave': (_input, ctx) => {
    stopLive(ctx);
    leaveWorkspace(ctx.db);
    return workspaceStatus(ctx.db);
  },
  'workspace.conflicts': (_input, ctx) => (workspaceStatus(ctx.db).joined ? conflicts(ctx) : []),
  'workspace.resolve': (input, ctx) => {
    withSession(ctx, (s) => resolveConflict(ctx.db, s, input.id, input.pick));
    return conflicts(ctx);
  },
  'workspace.refused': (_input, ctx) => listRefused(ctx.db),
  'workspace.discardRefused': (_input, ctx) => ({ discarded: withSession(ctx, (s) => discardRefused(ctx.db, s)) }),
};
